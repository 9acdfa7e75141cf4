#include "sim/core/date.hpp"

#include <gtest/gtest.h>

namespace kpsim::core {

TEST(Date, RoundTripsThroughDayNumbers) {
  for (std::int32_t d = -800000; d < 800000; d += 997) {
    const Date x{d};
    EXPECT_EQ(Date::from_ymd(x.ymd()), x);
  }
  EXPECT_EQ(Date::from_ymd({1970, 1, 1}).days, 0);
  EXPECT_EQ(Date::from_ymd({2026, 1, 1}).days, 20454);
}

TEST(Date, KnowsWeekdays) {
  EXPECT_EQ(parse_iso_date("2026-01-01")->weekday(), 3);  // Thursday
  EXPECT_EQ(parse_iso_date("2026-02-14")->weekday(), 5);  // Saturday
  EXPECT_EQ(parse_iso_date("2025-09-28")->weekday(), 6);  // Sunday
}

TEST(Date, ParsesOnlyRealIsoDates) {
  EXPECT_TRUE(parse_iso_date("2024-02-29"));
  EXPECT_FALSE(parse_iso_date("2026-02-29"));
  EXPECT_FALSE(parse_iso_date("2026-13-01"));
  EXPECT_FALSE(parse_iso_date("2026-1-01"));
  EXPECT_FALSE(parse_iso_date("2026/01/01"));
  EXPECT_FALSE(parse_iso_date(" 2026-01-01"));
  EXPECT_EQ(parse_iso_date("2026-03-15")->iso(), "2026-03-15");
}

TEST(Date, ParsesYearlyMonthDays) {
  EXPECT_EQ(parse_month_day("11-15"), (std::pair{11, 15}));
  EXPECT_TRUE(parse_month_day("02-29"));
  EXPECT_FALSE(parse_month_day("02-30"));
  EXPECT_FALSE(parse_month_day("2026-11-15"));
}

}  // namespace kpsim::core
