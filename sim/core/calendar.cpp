#include "sim/core/calendar.hpp"

#include <algorithm>
#include <cassert>
#include <cmath>

namespace kpsim::core {
namespace {

int month_day_key(int month, int day) { return month * 100 + day; }

bool in_yearly_stop(const YearlyStop& s, int key) {
  const int from = month_day_key(s.from_month, s.from_day);
  const int to = month_day_key(s.to_month, s.to_day);
  return from <= to ? (key >= from && key <= to) : (key >= from || key <= to);
}

// The whole part of x for 0 ≤ x < 2^63, the queries' moments and work
// amounts: one truncating conversion, where std::floor without SSE4.1's
// roundsd is an 18-instruction sequence (callgrind: a third of every table
// query). Exact: truncation is floor for x ≥ 0.
std::int64_t whole_part(double x) {
  assert(x >= 0 && x < 0x1p63);
  return static_cast<std::int64_t>(x);
}

}  // namespace

// The least intensity of the stops that cover d: 0 if one closes it, 1 if none.
double stop_intensity(const WorkPattern& p, Date d) {
  double least = 1;
  for (const DatedStop& s : p.dated_stops)
    if (d >= s.from && d <= s.to) least = std::min(least, s.intensity);
  if (p.yearly_stops.empty()) return least;
  const YearMonthDay v = d.ymd();
  const int key = month_day_key(v.month, v.day);
  for (const YearlyStop& s : p.yearly_stops)
    if (in_yearly_stop(s, key)) least = std::min(least, s.intensity);
  return least;
}

bool WorkPattern::stopped(Date d) const { return stop_intensity(*this, d) == 0; }

bool WorkPattern::works(Date d) const {
  if (stopped(d)) return false;
  for (const auto& [day, on] : exceptions)
    if (day == d) return on;
  return weekday_works[static_cast<std::size_t>(d.weekday())];
}

double WorkPattern::intensity(Date d) const {
  if (!works(d)) return 0;
  const double x = stop_intensity(*this, d) * month_intensity[static_cast<std::size_t>(d.ymd().month - 1)];
  return x == 1 ? 1 : std::max(x, kMinIntensity);
}

Calendar make_calendar(const WorkPattern& pattern, Date origin, std::int32_t days) {
  // Exceptions are few (tens a year) but would be scanned for every day:
  // index them by day once.
  std::vector<signed char> exception(static_cast<std::size_t>(days), -1);
  for (const auto& [day, on] : pattern.exceptions) {
    const std::int32_t i = day - origin;
    if (i >= 0 && i < days) exception[static_cast<std::size_t>(i)] = on ? 1 : 0;
  }
  std::vector<double> intensity(static_cast<std::size_t>(days));
  bool slowed = false;
  for (std::int32_t i = 0; i < days; ++i) {
    const Date d = origin + i;
    const signed char e = exception[static_cast<std::size_t>(i)];
    const bool by_rule = e >= 0 ? e == 1 : pattern.weekday_works[static_cast<std::size_t>(d.weekday())];
    const double stop = stop_intensity(pattern, d);
    double x = by_rule && stop > 0 ? stop * pattern.month_intensity[static_cast<std::size_t>(d.ymd().month - 1)] : 0.0;
    if (x != 0 && x != 1) x = std::max(x, kMinIntensity), slowed = true;
    intensity[static_cast<std::size_t>(i)] = x;
  }
  if (slowed) return Calendar(intensity);
  std::vector<bool> working(static_cast<std::size_t>(days));
  for (std::int32_t i = 0; i < days; ++i) working[static_cast<std::size_t>(i)] = intensity[static_cast<std::size_t>(i)] > 0;
  return Calendar(std::move(working));
}

Calendar::Calendar(std::vector<bool> working) : working_(std::move(working)) { build_tables(); }

Calendar::Calendar(const std::vector<double>& intensity) : working_(intensity.size()) {
  for (std::size_t i = 0; i < intensity.size(); ++i) {
    working_[i] = intensity[i] > 0;
    weighted_ |= intensity[i] != 0 && intensity[i] != 1;
  }
  if (weighted_) weight_ = intensity;
  build_tables();
}

void Calendar::build_weighted_tables() {
  const auto n = static_cast<std::int32_t>(weight_.size());
  wcum_.assign(static_cast<std::size_t>(n) + 1, 0.0);
  positive_.clear();
  for (std::int32_t i = 0; i < n; ++i) {
    const double w = weight_[static_cast<std::size_t>(i)];
    wcum_[static_cast<std::size_t>(i) + 1] = wcum_[static_cast<std::size_t>(i)] + w;
    if (w > 0) positive_.push_back(i);
  }
  cycle_wwork_ = wcum_.back() - wcum_[static_cast<std::size_t>(n - kCycleDays)];
  // [k]: the first working day whose end lies past work k. A query starts
  // there and steps over at most 1 / kMinIntensity slowed days.
  by_work_.assign(static_cast<std::size_t>(std::floor(wcum_.back())) + 1, static_cast<std::uint32_t>(positive_.size()));
  std::size_t k = 0;
  for (std::size_t i = 0; i < positive_.size() && k < by_work_.size(); ++i)
    while (k < by_work_.size() && wcum_[static_cast<std::size_t>(positive_[i]) + 1] > static_cast<double>(k))
      by_work_[k++] = static_cast<std::uint32_t>(i);
}

std::size_t Calendar::first_positive_ending(double w, bool or_at) const {
  const auto k = static_cast<std::size_t>(std::clamp(std::floor(w), 0.0, static_cast<double>(by_work_.size() - 1)));
  std::size_t i = by_work_[k];
  while (i < positive_.size()) {
    const double end = wcum_[static_cast<std::size_t>(positive_[i]) + 1];
    if (or_at ? end >= w : end > w) break;
    ++i;
  }
  return i;
}

double Calendar::weighted_work_before(double t) const {
  const auto n = static_cast<std::int64_t>(weight_.size());
  const std::int64_t day = whole_part(t);
  const auto fl = static_cast<double>(day);
  if (day < n) return wcum_[static_cast<std::size_t>(day)] + weight_[static_cast<std::size_t>(day)] * (t - fl);
  const std::int64_t beyond = day - n;
  const std::int64_t cycles = beyond / kCycleDays;
  const auto at = static_cast<std::size_t>(n - kCycleDays + beyond % kCycleDays);
  return wcum_.back() + static_cast<double>(cycles) * cycle_wwork_ + (wcum_[at] - wcum_[static_cast<std::size_t>(n - kCycleDays)]) +
         weight_[at] * (t - fl);
}

// The earliest moment at which W reaches w (at_end), or from which W has
// reached w and work goes on (!at_end). Beyond the table the last cycle
// repeats: w is brought back into it by whole cycles.
double Calendar::weighted_moment(double w, bool at_end) const {
  const auto n = static_cast<std::int64_t>(weight_.size());
  const double total = wcum_.back();
  double shift = 0;
  if (at_end ? w > total : w >= total) {
    const double beyond = w - total;
    double cycles = std::floor(beyond / cycle_wwork_);
    double r = beyond - cycles * cycle_wwork_;
    if (at_end && r <= 0 && cycles > 0) cycles -= 1, r += cycle_wwork_;
    w = wcum_[static_cast<std::size_t>(n - kCycleDays)] + r;
    shift = static_cast<double>(kCycleDays) * (cycles + 1);
  }
  const std::size_t i = first_positive_ending(w, at_end);
  const std::int32_t day = positive_[std::min(i, positive_.size() - 1)];
  const double into = std::max(0.0, w - wcum_[static_cast<std::size_t>(day)]) / weight_[static_cast<std::size_t>(day)];
  return shift + day + std::min(into, 1.0);
}

void Calendar::build_tables() {
  const auto n = static_cast<std::int32_t>(working_.size());
  assert(n >= kCycleDays);
  cum_.resize(static_cast<std::size_t>(n) + 1);
  nth_.clear();
  cycle_nth_.clear();
  cum_[0] = 0;
  for (std::int32_t i = 0; i < n; ++i) {
    const bool on = working_[static_cast<std::size_t>(i)];
    cum_[static_cast<std::size_t>(i) + 1] = cum_[static_cast<std::size_t>(i)] + (on ? 1 : 0);
    if (on) nth_.push_back(i);
  }
  for (std::int32_t i = n - kCycleDays; i < n; ++i)
    if (working_[static_cast<std::size_t>(i)]) cycle_nth_.push_back(i - (n - kCycleDays));
  // A calendar may have no working day in its last year (bad input): compile
  // reports it (E-CAL-020) before anything asks beyond the table, where the
  // repeating cycle would then have no working time to count.
  cycle_work_ = static_cast<std::int32_t>(cycle_nth_.size());
  every_day_works_ = cum_.back() == n && !weighted_;
  if (weighted_) build_weighted_tables();
}

void Calendar::assign_with_closed_days(const Calendar& base, const std::vector<std::int32_t>& closed) {
  working_ = base.working_;
  weighted_ = base.weighted_;
  weight_ = base.weight_;
  for (std::int32_t d : closed)
    if (d >= 0 && static_cast<std::size_t>(d) < working_.size()) {
      working_[static_cast<std::size_t>(d)] = false;
      if (weighted_) weight_[static_cast<std::size_t>(d)] = 0;
    }
  build_tables();
}

bool Calendar::is_working_day(std::int64_t day) const {
  const std::int64_t n = table_days();
  if (day < 0) return false;
  if (day < n) return working_[static_cast<std::size_t>(day)];
  return working_[static_cast<std::size_t>(n - kCycleDays + (day - n) % kCycleDays)];
}

double Calendar::intensity_of(std::int64_t day) const {
  if (!weighted_) return is_working_day(day) ? 1.0 : 0.0;
  const auto n = static_cast<std::int64_t>(weight_.size());
  if (day < 0) return 0;
  return weight_[static_cast<std::size_t>(day < n ? day : n - kCycleDays + (day - n) % kCycleDays)];
}

// Past the table of an unweighted calendar (work_before answers inside it):
// whole cycles of the last 364 days, then the part of one.
double Calendar::beyond_table_work_before(double t) const {
  const std::int64_t n = table_days();
  const std::int64_t day = whole_part(t);
  assert(day >= n);
  const double inside = is_working_day(day) ? t - static_cast<double>(day) : 0.0;
  const std::int64_t beyond = day - n;
  const std::int64_t cycles = beyond / kCycleDays;
  const auto offset = static_cast<std::int32_t>(beyond % kCycleDays);
  const std::int32_t base = n - kCycleDays;
  const std::int32_t partial = cum_[static_cast<std::size_t>(base + offset)] - cum_[static_cast<std::size_t>(base)];
  return static_cast<double>(cum_.back()) + static_cast<double>(cycles * cycle_work_ + partial) + inside;
}

double Calendar::working_day_index(std::int64_t k) const {
  const auto total = static_cast<std::int64_t>(nth_.size());
  if (k < total) return nth_[static_cast<std::size_t>(k)];
  const std::int64_t beyond = k - total;
  const std::int64_t cycles = beyond / cycle_work_;
  const auto r = static_cast<std::size_t>(beyond % cycle_work_);
  return static_cast<double>(table_days() + cycles * kCycleDays + cycle_nth_[r]);
}

double Calendar::table_start_at(double w) const {
  if (weighted_) return weighted_moment(w, false);
  if (w <= 0) return working_day_index(0);
  const std::int64_t k = whole_part(w);
  return working_day_index(k) + (w - static_cast<double>(k));
}

double Calendar::table_end_at(double w) const {
  if (weighted_) return weighted_moment(w, true);
  const std::int64_t k = whole_part(w);  // w > 0: end_at answers the rest
  if (static_cast<double>(k) == w) return working_day_index(k - 1) + 1.0;
  return working_day_index(k) + (w - static_cast<double>(k));
}


}  // namespace kpsim::core
