#include "sim/core/site_time.hpp"

#include <gtest/gtest.h>

namespace kpsim::core {
namespace {

Calendar every_day() { return Calendar(std::vector<bool>(800, true)); }

TEST(SiteTime, WorkIsLostInTheLagAndHalfTheShortfallOverTheRamp) {
  const Calendar cal = every_day();
  Restart restarts[] = {{100, 10}, {400, 0}};
  const SiteTime site(cal, restarts, {20, 0.5});
  EXPECT_DOUBLE_EQ(site.work_before(100), 100);
  EXPECT_DOUBLE_EQ(site.work_before(110), 100);            // the lag
  EXPECT_DOUBLE_EQ(site.work_before(130), 100 + 15);       // the ramp: 20 days at 0.5 → 1
  EXPECT_DOUBLE_EQ(site.work_before(200), 185);
  EXPECT_DOUBLE_EQ(site.work_before(420), 420 - 15 - 5);   // the second restart: no lag, the same ramp
  EXPECT_DOUBLE_EQ(site.next_working(105), 110);
}

TEST(SiteTime, EndAtInvertsWorkBefore) {
  const Calendar cal = every_day();
  Restart restarts[] = {{50, 7.5}, {300, 30}};
  const SiteTime site(cal, restarts, {12, 0.3});
  for (double w = 0.25; w < 700; w += 3.7) {
    const double t = site.end_at(w);
    EXPECT_NEAR(site.work_before(t), w, 1e-9) << w;
    EXPECT_LE(site.work_before(t - 1e-6), w) << w;
  }
  EXPECT_NEAR(site.finish(40, 20), 50 + 7.5 + (20 - 10 - 12 * 0.65) + 12, 1e-9);
}

}  // namespace
}  // namespace kpsim::core
