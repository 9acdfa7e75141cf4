#include "sim/core/calendar.hpp"

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

}  // namespace

bool WorkPattern::stopped(Date d) const {
  for (const DatedStop& s : dated_stops)
    if (d >= s.from && d <= s.to) return true;
  if (yearly_stops.empty()) return false;
  const YearMonthDay v = d.ymd();
  const int key = month_day_key(v.month, v.day);
  for (const YearlyStop& s : yearly_stops)
    if (in_yearly_stop(s, key)) return true;
  return false;
}

bool WorkPattern::works(Date d) const {
  if (stopped(d)) return false;
  for (const auto& [day, on] : exceptions)
    if (day == d) return on;
  return weekday_works[static_cast<std::size_t>(d.weekday())];
}

Calendar make_calendar(const WorkPattern& pattern, Date origin, std::int32_t days) {
  // Exceptions are few (tens a year) but would be scanned for every day:
  // index them by day once.
  std::vector<signed char> exception(static_cast<std::size_t>(days), -1);
  for (const auto& [day, on] : pattern.exceptions) {
    const std::int32_t i = day - origin;
    if (i >= 0 && i < days) exception[static_cast<std::size_t>(i)] = on ? 1 : 0;
  }
  std::vector<bool> working(static_cast<std::size_t>(days));
  for (std::int32_t i = 0; i < days; ++i) {
    const Date d = origin + i;
    const signed char e = exception[static_cast<std::size_t>(i)];
    const bool by_rule = e >= 0 ? e == 1 : pattern.weekday_works[static_cast<std::size_t>(d.weekday())];
    working[static_cast<std::size_t>(i)] = by_rule && !pattern.stopped(d);
  }
  return Calendar(std::move(working));
}

Calendar::Calendar(std::vector<bool> working) : working_(std::move(working)) { build_tables(); }

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
  every_day_works_ = cum_.back() == n;
}

void Calendar::assign_with_closed_days(const Calendar& base, const std::vector<std::int32_t>& closed) {
  working_ = base.working_;
  for (std::int32_t d : closed)
    if (d >= 0 && static_cast<std::size_t>(d) < working_.size()) working_[static_cast<std::size_t>(d)] = false;
  build_tables();
}

bool Calendar::is_working_day(std::int64_t day) const {
  const auto n = static_cast<std::int64_t>(working_.size());
  if (day < 0) return false;
  if (day < n) return working_[static_cast<std::size_t>(day)];
  return working_[static_cast<std::size_t>(n - kCycleDays + (day - n) % kCycleDays)];
}

double Calendar::table_work_before(double t) const {
  const auto n = static_cast<std::int64_t>(working_.size());
  const double fl = std::floor(t);
  const auto day = static_cast<std::int64_t>(fl);
  const double inside = is_working_day(day) ? t - fl : 0.0;
  if (day < n) return cum_[static_cast<std::size_t>(day)] + inside;
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
  return static_cast<double>(static_cast<std::int64_t>(working_.size()) + cycles * kCycleDays + cycle_nth_[r]);
}

double Calendar::table_start_at(double w) const {
  if (w <= 0) return working_day_index(0);
  const double k = std::floor(w);
  return working_day_index(static_cast<std::int64_t>(k)) + (w - k);
}

double Calendar::table_end_at(double w) const {
  const double k = std::floor(w);
  if (k == w) return working_day_index(static_cast<std::int64_t>(k) - 1) + 1.0;
  return working_day_index(static_cast<std::int64_t>(k)) + (w - k);
}


}  // namespace kpsim::core
