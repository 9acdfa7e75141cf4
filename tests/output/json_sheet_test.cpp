#include "sim/output/json_sheet.hpp"

#include <gtest/gtest.h>

#include <limits>

namespace kpsim::output {
namespace {

using tables::Cell;

tables::Sheet sample() {
  tables::Sheet s;
  s.header = {"id", "mu", "share", "when", "wait"};
  s.rows.push_back({Cell::of("P1"), Cell::number(12.3456, 2), Cell::share(0.123456, 1), Cell::day(core::Date::from_ymd({2026, 3, 1})),
                    Cell::number(std::numeric_limits<double>::quiet_NaN(), 1)});
  return s;
}

TEST(JsonSheet, RowsAreKeyedByTheHeaderWithNumbersRoundedAsInTheCsv) {
  const auto rows = sheet_json(sample());
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0].dump(), R"({"id":"P1","mu":12.35,"share":0.123,"when":"2026-03-01","wait":null})");
}

TEST(JsonSheet, ChosenColumnsComeInTheOrderAsked) {
  EXPECT_EQ(sheet_json(sample(), {"wait", "id", "not-a-column"})[0].dump(), R"({"wait":null,"id":"P1"})");
}

}  // namespace
}  // namespace kpsim::output
