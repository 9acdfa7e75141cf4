#include "sim/core/date.hpp"

#include <charconv>
#include <cstdio>
#include <tuple>

namespace kpsim::core {
namespace {

// Howard Hinnant's days_from_civil / civil_from_days: exact for any year.
std::int32_t days_from_civil(int y, unsigned m, unsigned d) {
  y -= m <= 2;
  const int era = (y >= 0 ? y : y - 399) / 400;
  const unsigned yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<int>(doe) - 719468;
}

bool parse_int(std::string_view s, int& out) {
  if (s.empty()) return false;
  for (char c : s)
    if (c < '0' || c > '9') return false;
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), out);
  return ec == std::errc{} && p == s.data() + s.size();
}

bool is_leap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

}  // namespace

int days_in_month(int year, int month) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return month == 2 && is_leap(year) ? 29 : kDays[month - 1];
}

bool is_valid(YearMonthDay v) {
  return v.month >= 1 && v.month <= 12 && v.day >= 1 && v.day <= days_in_month(v.year, v.month);
}

Date Date::from_ymd(YearMonthDay v) {
  return Date{days_from_civil(v.year, static_cast<unsigned>(v.month), static_cast<unsigned>(v.day))};
}

YearMonthDay Date::ymd() const {
  const int z = days + 719468;
  const int era = (z >= 0 ? z : z - 146096) / 146097;
  const unsigned doe = static_cast<unsigned>(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const int y = static_cast<int>(yoe) + era * 400;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  const unsigned d = doy - (153 * mp + 2) / 5 + 1;
  const unsigned m = mp < 10 ? mp + 3 : mp - 9;
  return {y + (m <= 2), static_cast<int>(m), static_cast<int>(d)};
}

int Date::weekday() const {
  // 1970-01-01 was a Thursday (index 3 with Monday = 0).
  const int r = (days + 3) % 7;
  return r < 0 ? r + 7 : r;
}

std::string Date::iso() const {
  const YearMonthDay v = ymd();
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", v.year, v.month, v.day);
  return buf;
}

std::optional<Date> parse_iso_date(std::string_view s) {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return std::nullopt;
  YearMonthDay v;
  if (!parse_int(s.substr(0, 4), v.year) || !parse_int(s.substr(5, 2), v.month) ||
      !parse_int(s.substr(8, 2), v.day) || !is_valid(v))
    return std::nullopt;
  return Date::from_ymd(v);
}

std::optional<YearMonthDay> parse_written_date(std::string_view s) {
  // The three numbers and what separates them.
  auto take = [&](std::size_t max_digits, int& out) {
    std::size_t n = 0;
    while (n < s.size() && n < max_digits && s[n] >= '0' && s[n] <= '9') ++n;
    if (n == 0 || !parse_int(s.substr(0, n), out)) return false;
    s.remove_prefix(n);
    return true;
  };
  auto separator = [&](std::string_view sep) {
    if (s.substr(0, sep.size()) != sep) return false;
    s.remove_prefix(sep.size());
    return true;
  };
  YearMonthDay v;
  if (!take(4, v.year) || v.year < 1000) return std::nullopt;
  for (const auto& [a, b, c] : {std::tuple{"-", "-", ""}, std::tuple{"/", "/", ""}, std::tuple{".", ".", ""},
                                std::tuple{"年", "月", "日"}}) {
    const std::string_view rest = s;
    if (separator(a) && take(2, v.month) && separator(b) && take(2, v.day) && separator(c) && s.empty()) return v;
    s = rest;
  }
  return std::nullopt;
}

std::optional<Date> parse_month_end(std::string_view s) {
  int year = 0, month = 0;
  std::string_view rest;
  if (s.size() >= 6 && (s[4] == '-' || s[4] == '/')) {
    rest = s.substr(5);
  } else if (s.size() >= 11 && s.substr(4, 3) == "年" && s.substr(s.size() - 3) == "月") {
    rest = s.substr(7, s.size() - 10);
  } else {
    return std::nullopt;
  }
  if (!parse_int(s.substr(0, 4), year) || rest.empty() || rest.size() > 2 || !parse_int(rest, month) || month < 1 ||
      month > 12 || year < 1)
    return std::nullopt;
  return Date::from_ymd({year, month, days_in_month(year, month)});
}

std::optional<std::pair<int, int>> parse_month_day(std::string_view s) {
  int m = 0, d = 0;
  if (s.size() != 5 || s[2] != '-' || !parse_int(s.substr(0, 2), m) || !parse_int(s.substr(3, 2), d))
    return std::nullopt;
  if (!is_valid({2024, m, d})) return std::nullopt;  // 2024 is leap: allows 02-29
  return std::pair{m, d};
}

}  // namespace kpsim::core
