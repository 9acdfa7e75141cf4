// Date quantiles are exact in both of DayQuantiles' forms: the raw days of
// a few replications and the day histogram it switches to past them.
#include "sim/report/day_quantiles.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>

#include "sim/core/rng.hpp"

namespace kpsim::report {
namespace {

// The smallest value that at least that share of `v` reaches; +inf for `after`.
double expected(std::vector<std::uint16_t> v, double level, std::uint16_t after) {
  std::sort(v.begin(), v.end());
  const auto need = std::max<std::size_t>(static_cast<std::size_t>(std::ceil(level * static_cast<double>(v.size()) - 1e-9)), 1);
  return v[need - 1] == after ? INFINITY : v[need - 1];
}

TEST(DayQuantiles, AreTheReplicationsOwnDaysBeforeAndAfterTheSwitchToAHistogram) {
  constexpr std::uint32_t rows = 3, days = 10;  // the histogram: 3 × 11 bins of 4 bytes; raw passes it at 67 values
  DayQuantiles q(rows, days);
  std::vector<std::vector<std::uint16_t>> seen(rows);
  core::RngStream rng(7);
  for (int r = 0; r < 50; ++r) {
    std::vector<std::uint16_t> row(rows);
    for (std::uint32_t p = 0; p < rows; ++p) {
      row[p] = p == 2 ? DayQuantiles::kNone : static_cast<std::uint16_t>(rng.next_u64() % (days + 1));
      if (row[p] != DayQuantiles::kNone) seen[p].push_back(row[p]);
    }
    q.add(row);
    if (r == 9 || r == 49)  // raw (30 values), then the histogram
      for (std::uint32_t p = 0; p < 2; ++p) {
        const auto got = q.quantiles(p);
        EXPECT_EQ(got[0], expected(seen[p], 0.1, days)) << r << " " << p;
        EXPECT_EQ(got[1], expected(seen[p], 0.5, days)) << r << " " << p;
        EXPECT_EQ(got[2], expected(seen[p], 0.9, days)) << r << " " << p;
      }
  }
  EXPECT_TRUE(std::isnan(q.quantiles(2)[1]));  // nothing recorded
}

}  // namespace
}  // namespace kpsim::report
