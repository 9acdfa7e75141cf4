// A construction site's working time after its restarts (复工): after each
// restart point E the site does no work for a lag L, then comes back at a
// pace rising linearly from `from` to full over `ramp` working days of its
// calendar. Every query is exact and costs O(restarts) on top of the
// calendar's O(1) arithmetic.
#pragma once

#include <span>

#include "sim/core/calendar.hpp"

namespace kpsim::core {

struct Restart {
  double at = 0;   // E: the first moment work could resume (a stop's end)
  double lag = 0;  // L: calendar days before this site resumes
  // The calendar's working time at E and at E + L, filled by SiteTime.
  double work_at = 0, work_back = 0;
};

struct RampSpec {
  double days = 0;  // working days of the calendar to reach full pace (0: at once)
  double from = 1;  // the pace when the site resumes (0 < from ≤ 1)
};

class SiteTime {
 public:
  // `restarts` sorted by `at`, each window [at, at + lag) and its ramp
  // ending before the next restart point; their working times are filled
  // in here, once, for every later query.
  SiteTime(const Calendar& cal, std::span<Restart> restarts, RampSpec ramp);

  double work_before(double t) const;
  // The earliest moment at which work_before reaches w.
  double end_at(double w) const;
  // The first moment at or after t at which work goes on.
  double next_working(double t) const;
  // When work of `work` working days starting at t ends.
  double finish(double t, double work) const { return work <= 0 ? t : end_at(work_before(t) + work); }

 private:
  // Working days the site lost to restart k by calendar work position x.
  double lost(std::size_t k, double x) const;
  const Calendar& cal_;
  std::span<Restart> restarts_;
  RampSpec ramp_;
};

}  // namespace kpsim::core
