// Civil dates as day numbers. Simulation time is a double day count from the
// scenario's start date; Date is the calendar-facing side of that.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace kpsim::core {

struct YearMonthDay {
  int year = 1970;
  int month = 1;  // 1..12
  int day = 1;    // 1..31
};

// Days since 1970-01-01 (proleptic Gregorian), so differences are exact.
struct Date {
  std::int32_t days = 0;

  static Date from_ymd(YearMonthDay ymd);
  YearMonthDay ymd() const;
  int weekday() const;  // 0 = Monday … 6 = Sunday
  std::string iso() const;  // "2026-01-31"

  friend constexpr auto operator<=>(Date, Date) = default;
  friend constexpr Date operator+(Date d, std::int32_t n) { return Date{d.days + n}; }
  friend constexpr std::int32_t operator-(Date a, Date b) { return a.days - b.days; }
};

bool is_valid(YearMonthDay ymd);
int days_in_month(int year, int month);

// Strict "YYYY-MM-DD"; nullopt for anything else, including 2026-02-30.
std::optional<Date> parse_iso_date(std::string_view text);

// A day as spreadsheets and planners write it — 2026-09-30, 2026-9-30,
// 2026/9/30, 2026.9.30, 2026年9月30日 — not yet checked to exist.
std::optional<YearMonthDay> parse_written_date(std::string_view text);

// A month as planners write it: "2026-05", "2026-5", "2026/05" or
// "2026年5月"; the month's last day.
std::optional<Date> parse_month_end(std::string_view text);

// Strict "MM-DD" (a yearly recurring day, e.g. a winter stop boundary).
std::optional<std::pair<int, int>> parse_month_day(std::string_view text);

}  // namespace kpsim::core
