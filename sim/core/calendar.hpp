// Working-time calendars with O(1) conversion between moments and working time.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include "sim/core/date.hpp"

namespace kpsim::core {

// A yearly recurring closed period, inclusive at both ends; it may wrap the
// year end (winter stop 11-15 … 03-15).
struct YearlyStop {
  int from_month = 1, from_day = 1;
  int to_month = 12, to_day = 31;
  double intensity = 0;  // 0 closes the days; 0.3: a working day does 0.3 of a day's work (winter fit-out)
};

struct DatedStop {
  Date from, to;  // inclusive
  double intensity = 0;
};

// The least intensity a slowed day may have: keeps every calendar query
// O(1) (a query scans at most 1 / kMinIntensity slowed days).
inline constexpr double kMinIntensity = 0.05;

// What makes a day a working day, independent of any simulation origin.
// Precedence: dated and yearly stops close a day whatever else says;
// explicit exceptions (holidays off, 调休 days on) override the week rule.
struct WorkPattern {
  std::array<bool, 7> weekday_works{true, true, true, true, true, false, false};  // Mon…Sun
  std::vector<std::pair<Date, bool>> exceptions;  // (day, works)
  std::vector<YearlyStop> yearly_stops;
  std::vector<DatedStop> dated_stops;
  // Each month's pace (the slow month after the Spring Festival, the push
  // before a quarter's end): a working day does this much of a day's work.
  std::array<double, 12> month_intensity{1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1};

  bool stopped(Date d) const;  // inside a dated or yearly stop that closes it
  bool works(Date d) const;
  // The share of a day's work done on d: 0 closed, 1 a full day; between (or
  // above 1) where a slowing stop or the month's pace says.
  double intensity(Date d) const;
};

// Working time as a function of simulation time t (days since the origin; a
// working day d spans [d, d+1)). Precomputes the cumulative working days and
// the index of every working day, so every query is O(1). Beyond the table the
// last 364 days (52 whole weeks) repeat, which keeps queries O(1) and total.
class Calendar {
 public:
  static constexpr int kCycleDays = 364;

  // working[i] says whether day i after the origin works; needs at least
  // kCycleDays days. Queries beyond the table need a working day in the last
  // kCycleDays (compile checks that before any).
  explicit Calendar(std::vector<bool> working);
  // Days of differing intensity (each 0, or at least kMinIntensity); where
  // every day is 0 or 1 this is the calendar of those working days.
  explicit Calendar(const std::vector<double>& intensity);

  // The fast paths of an all-days calendar are inline: the engine asks these
  // on every event, and for continuous time each is one comparison.

  // W(t): working days elapsed in [0, t). Non-decreasing, continuous.
  double work_before(double t) const {
    if (t <= 0) return 0;
    if (every_day_works_) return t;
    if (weighted_) return weighted_work_before(t);
    // Inside the table, inline too: whether the day works is in the running
    // count, two adjacent entries (t > 0: truncation is floor).
    if (const auto day = static_cast<std::int64_t>(t); day < table_days()) {
      const std::int32_t before = cum_[static_cast<std::size_t>(day)], after = cum_[static_cast<std::size_t>(day) + 1];
      return before + static_cast<double>(after - before) * (t - static_cast<double>(day));
    }
    return beyond_table_work_before(t);
  }
  // The earliest moment from which w working days have elapsed and work
  // continues: a task that starts "after w working days" starts here.
  double start_at(double w) const {
    if (every_day_works_) return w <= 0 ? 0 : w;
    return table_start_at(w);
  }
  // The earliest moment at which W reaches w: a task whose work ends at w
  // finishes here (at the end of a working day, not the next morning).
  double end_at(double w) const {
    if (w <= 0) return 0;
    return every_day_works_ ? w : table_end_at(w);
  }

  // The first working moment at or after t.
  double next_working(double t) const {
    if (every_day_works_) return t <= 0 ? 0 : t;
    return start_at(work_before(t));
  }
  // When a task of `work` working days that starts at t finishes.
  double finish(double t, double work) const {
    if (work <= 0) return t;
    if (every_day_works_) return (t <= 0 ? 0 : t) + work;  // one addition, as the reference model specifies
    return end_at(work_before(t) + work);
  }

  bool is_working_day(std::int64_t day) const;
  // The day's share of a full day's work (0 or 1 unless slowed).
  double intensity_of(std::int64_t day) const;

  // This calendar becomes `base` with the given days (indices into the table)
  // closed. Reuses its storage: no allocation once sized, so replications
  // can each have their own lost days cheaply.
  void assign_with_closed_days(const Calendar& base, const std::vector<std::int32_t>& closed);
  // From the running count, not the bit vector, whose size() costs a
  // subtraction of bit iterators on every query.
  std::int32_t table_days() const { return static_cast<std::int32_t>(cum_.size()) - 1; }

 private:
  double beyond_table_work_before(double t) const;
  double table_start_at(double w) const;
  double table_end_at(double w) const;
  double working_day_index(std::int64_t k) const;  // day on which the k-th working day lies
  void build_tables();
  // Slowed days: working time accrues at each day's intensity.
  void build_weighted_tables();
  double weighted_work_before(double t) const;
  double weighted_moment(double w, bool at_end) const;
  std::size_t first_positive_ending(double w, bool or_at) const;  // index into positive_ within the table

  bool every_day_works_ = false;  // continuous time: working time is time itself
  bool weighted_ = false;         // some day's intensity is neither 0 nor 1
  std::vector<bool> working_;
  std::vector<double> weight_;             // weighted: each day's intensity
  std::vector<double> wcum_;               // weighted: work in [0, i), size n+1
  std::vector<std::int32_t> positive_;     // weighted: days with work, in order
  std::vector<std::uint32_t> by_work_;     // weighted: [k] = first of positive_ whose day ends past work k
  double cycle_wwork_ = 0;                 // weighted: work in the last cycle
  std::vector<std::int32_t> cum_;          // cum_[i] = working days in [0, i), size n+1
  std::vector<std::int32_t> nth_;          // nth_[k] = day of the k-th working day
  std::vector<std::int32_t> cycle_nth_;    // offsets of working days within the last cycle
  std::int32_t cycle_work_ = 0;
};

// Builds the table for `days` days starting at `origin`.
Calendar make_calendar(const WorkPattern& pattern, Date origin, std::int32_t days);

}  // namespace kpsim::core
