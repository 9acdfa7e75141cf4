#include <gtest/gtest.h>

#include "sim/engine/compile.hpp"
#include "sim/engine/simulate.hpp"
#include "sim/input/load_scenario.hpp"
#include "support/scenario_file.hpp"

namespace kpsim::engine {
namespace {

const char* kScenario = R"(kpsim: 1
name: lost days
start: 2026-01-01
end: 2026-12-31
calendars:
  site:
    week: all
    lost_days:
      - {name: 重污染预警, months: [1, 2, 11, 12], per_month: 3}
      - {name: 雨季, months: [7], per_month: {uniform: [0, 6]}}
templates:
  t:
    calendar: site
    steps:
      - {id: build, type: construction, duration: 60, share: 1}
projects:
  - {id: A, name: 甲, template: t, investment: 1}
  - {id: B, name: 乙, template: t, investment: 1}
)";

struct Fixture : test::ScenarioFile {
  Fixture() : ScenarioFile(kScenario) {}
};

TEST(CalendarRisk, EachRiskyMonthLosesItsDrawnWorkingDays) {
  const Fixture f;
  const Replication rep = f.simulate();
  const core::Calendar& c = rep.calendars[0];
  EXPECT_EQ(c.work_before(31), 28.0);             // January: 31 − 3
  EXPECT_EQ(c.work_before(59) - c.work_before(31), 25.0);  // February: 28 − 3
  EXPECT_EQ(c.work_before(90) - c.work_before(59), 31.0);  // March is not at risk
  EXPECT_EQ(f.net.calendars[0].work_before(31), 31.0);     // the network's calendar is untouched
}

TEST(CalendarRisk, AllProjectsOnTheCalendarLoseTheSameDays) {
  const Fixture f;
  const Replication rep = f.simulate();
  EXPECT_EQ(rep.trace.finish(0), rep.trace.finish(1));
  EXPECT_GT(rep.trace.finish(0), 60.0);
}

TEST(CalendarRisk, ReplicationsDrawDifferentDaysReproducibly) {
  const Fixture f;
  Simulator sa(f.net), sb(f.net);
  bool differ = false;
  for (std::uint32_t r = 1; r < 20 && !differ; ++r) {
    const Replication& a = sa.run(1, 0);
    const Replication& b = sb.run(1, r);
    for (std::int32_t d = 0; d < 365 && !differ; ++d) differ = a.calendars[0].is_working_day(d) != b.calendars[0].is_working_day(d);
  }
  EXPECT_TRUE(differ);
  const Replication& a = sa.run(1, 7);
  const Replication& b = sb.run(1, 7);
  for (std::int32_t d = 0; d < 800; ++d) ASSERT_EQ(a.calendars[0].is_working_day(d), b.calendars[0].is_working_day(d));
}

}  // namespace
}  // namespace kpsim::engine
