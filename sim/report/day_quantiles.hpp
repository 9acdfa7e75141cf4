// Exact P10/P50/P90 of whole-day values (a project's start or completion
// day in each replication) for many projects at once, in the memory of the
// smaller of two forms: the replications' own days (2 bytes each), while
// there are few replications; a histogram of one bin per day of the horizon
// once that is smaller. Both give the same quantiles: the smallest day that
// at least that share of the replications reached.
#pragma once

#include <array>
#include <cstdint>
#include <vector>

namespace kpsim::report {

class DayQuantiles {
 public:
  static constexpr std::uint16_t kNone = 0xFFFF;  // nothing recorded for this row in this replication

  // `rows` projects; days 0 … days - 1, and `days` for "after the horizon or never".
  DayQuantiles(std::uint32_t rows, std::uint32_t days);

  // One replication's value per row (kNone where there is none).
  void add(const std::vector<std::uint16_t>& replication);

  // +infinity: after the horizon (or never); NaN: nothing recorded.
  std::array<double, 3> quantiles(std::uint32_t row) const;

 private:
  void to_histogram();
  std::uint32_t rows_, bins_;
  std::vector<std::uint16_t> raw_;      // replication × row, while the raw form is the smaller
  std::vector<std::uint32_t> counts_;   // row × bin, once it is not
  bool histogram_ = false;
};

}  // namespace kpsim::report
