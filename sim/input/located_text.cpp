#include "sim/input/located_text.hpp"

#include <charconv>
#include <cmath>

#include "sim/core/suggest.hpp"

namespace kpsim::input {
using core::did_you_mean;
using core::nearest_name;
namespace {

std::string shown(const std::string& s) { return s.empty() ? "nothing" : "'" + s + "'"; }

}  // namespace

namespace {

bool ends_with(std::string_view s, std::string_view tail) {
  return !tail.empty() && s.size() >= tail.size() && s.substr(s.size() - tail.size()) == tail;
}

std::string_view trimmed(std::string_view s) {
  while (!s.empty() && s.front() == ' ') s.remove_prefix(1);
  while (!s.empty() && s.back() == ' ') s.remove_suffix(1);
  return s;
}

// "12,500.5" → "12500.5" when the commas group thousands, else as it was.
std::string without_thousands(std::string_view s) {
  const auto dot = s.find('.');
  const std::string_view whole = s.substr(0, dot), rest = dot == std::string_view::npos ? "" : s.substr(dot);
  if (whole.find(',') == std::string_view::npos) return std::string(s);
  std::string out;
  std::size_t digits = 0;
  for (std::size_t i = whole.size(); i-- > 0;) {
    const char c = whole[i];
    if (c == ',') {
      if (digits != 3) return std::string(s);
      digits = 0;
      continue;
    }
    out.insert(out.begin(), c);
    ++digits;
  }
  return out + std::string(rest);
}

}  // namespace

std::optional<double> to_number(const Located& v, model::Diagnostics& diag, const NumberForm& form) {
  std::string_view t = trimmed(v.text);
  bool percent = false;
  if (ends_with(t, form.unit)) t = trimmed(t.substr(0, t.size() - form.unit.size()));
  if (form.percent && (ends_with(t, "%") || ends_with(t, "％"))) {
    t = trimmed(t.substr(0, t.size() - (ends_with(t, "%") ? 1 : 3)));
    percent = true;
  }
  const std::string text = without_thousands(t);
  double x = 0;
  const char* end = text.data() + text.size();
  auto [p, ec] = std::from_chars(text.data(), end, x);
  if (!text.empty() && ec == std::errc{} && p == end && std::isfinite(x)) return percent ? x / 100 : x;
  std::string hint;
  if (v.text.find('%') != std::string::npos && !form.percent) hint = " (a percentage is not this field's form)";
  else if (!form.unit.empty() && v.text.find_first_of("0123456789") != std::string::npos &&
           static_cast<unsigned char>(v.text.back()) >= 0x80)
    hint = " (the scenario's money unit is " + std::string(form.unit) + ")";
  diag.error("E-VAL-001", v.loc, "expected a finite number, got " + shown(v.text) + hint);
  return std::nullopt;
}

std::optional<std::int64_t> to_integer(const Located& v, model::Diagnostics& diag) {
  std::int64_t x = 0;
  const char* end = v.text.data() + v.text.size();
  auto [p, ec] = std::from_chars(v.text.data(), end, x);
  if (!v.text.empty() && ec == std::errc{} && p == end) return x;
  diag.error("E-VAL-002", v.loc, "expected a whole number, got " + shown(v.text));
  return std::nullopt;
}

std::optional<core::Date> to_date(const Located& v, model::Diagnostics& diag) {
  if (auto d = core::parse_iso_date(v.text)) return d;
  if (const auto ymd = core::parse_written_date(trimmed(v.text))) {
    if (core::is_valid(*ymd)) return core::Date::from_ymd(*ymd);
    if (ymd->month >= 1 && ymd->month <= 12)
      diag.error("E-VAL-003", v.loc, "no such date: " + shown(v.text) + " (" + std::to_string(ymd->year) + "-" +
                                         (ymd->month < 10 ? "0" : "") + std::to_string(ymd->month) + " has " +
                                         std::to_string(core::days_in_month(ymd->year, ymd->month)) + " days)");
    else diag.error("E-VAL-003", v.loc, "no such date: " + shown(v.text) + " (there is no month " + std::to_string(ymd->month) + ")");
    return std::nullopt;
  }
  diag.error("E-VAL-003", v.loc, "expected a date YYYY-MM-DD (or 2026/9/30, 2026年9月30日), got " + shown(v.text));
  return std::nullopt;
}

std::optional<std::string> to_choice(const Located& v, const std::vector<std::vector<std::string>>& choices,
                                     model::Diagnostics& diag) {
  std::vector<std::string> all;
  for (const auto& names : choices)
    for (const std::string& n : names) {
      if (v.text == n) return names.front();
      all.push_back(n);
    }
  std::string list;
  for (const auto& names : choices) list += (list.empty() ? "" : ", ") + names.front();
  diag.error("E-VAL-004", v.loc, "expected one of " + list + ", got " + shown(v.text) + did_you_mean(v.text, all));
  return std::nullopt;
}

}  // namespace kpsim::input
