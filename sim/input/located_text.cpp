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

std::optional<double> to_number(const Located& v, model::Diagnostics& diag) {
  double x = 0;
  const char* end = v.text.data() + v.text.size();
  auto [p, ec] = std::from_chars(v.text.data(), end, x);
  if (!v.text.empty() && ec == std::errc{} && p == end && std::isfinite(x)) return x;
  diag.error("E-VAL-001", v.loc, "expected a finite number, got " + shown(v.text));
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
  diag.error("E-VAL-003", v.loc, "expected a date YYYY-MM-DD, got " + shown(v.text));
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
