// 复工: after the winter stop each site resumes after its own lag and ramps
// back to full pace; the spend follows the site, not the calendar.
#include <gtest/gtest.h>

#include <numeric>

#include "sim/report/forecast.hpp"
#include "sim/report/reporting_basis.hpp"
#include "support/scenario_file.hpp"

namespace kpsim::engine {
namespace {

// The site works every day outside 11-15 … 03-15; 100 working days of
// construction ready on 2026-01-01, inside the stop.
std::string scenario(const std::string& restart) {
  return R"(kpsim: 1
name: restart
start: 2026-01-01
end: 2026-12-31
calendars:
  site:
    week: all
    stops: [{name: 冬季停工, from: 11-15, to: 03-15}]
)" + restart + R"(
templates:
  t:
    calendar: site
    steps:
      - {id: build, type: construction, duration: 100, share: 1, after: []}
projects:
  - {id: P, name: P, template: t, investment: 100}
  - {id: Q, name: Q, template: t, investment: 100}
)";
}

TEST(Restart, ALagAndARampOnAHandComputedExample) {
  // The stop ends 03-15: work could resume on 03-16 (day 74). Lag 10 days:
  // the site is back on day 84, at half pace rising to full over 20 working
  // days (15 days of work done in them), then the last 85 at full pace.
  const test::ScenarioFile f(scenario("    restart: {lag: 10, ramp: {days: 20, from: 0.5}}\n"));
  const Replication rep = f.deterministic();
  EXPECT_DOUBLE_EQ(rep.trace.start(0), 84);
  EXPECT_NEAR(rep.trace.finish(0), 84 + 20 + 85, 1e-9);
  const report::ReportingBasis basis = report::make_reporting_basis(f.scenario, f.net);
  const report::Forecast fc =
      report::make_forecast(f.net, rep.trace, rep.calendars, rep.project_scale, &basis, {rep.seed, rep.replication, true});
  // March: days 84 … 89 of the ramp, 0.5·6 + 0.5·6²/40 = 3.45 days of work; each
  // project spends 1 a working day.
  EXPECT_NEAR(fc.months[2].investment, 2 * 3.45, 1e-9);
  // April: the ramp's last 14 days (15 − 3.45 = 11.55 of work) and 16 at full pace.
  EXPECT_NEAR(fc.months[3].investment, 2 * (11.55 + 16), 1e-9);
  double total = 0;
  for (const auto& m : fc.months) total += m.investment;
  EXPECT_NEAR(total, 200, 1e-9);
}

TEST(Restart, EachProjectDrawsItsOwnLagAndTheSameInEveryRun) {
  const test::ScenarioFile f(scenario("    restart: {lag: {uniform: [0, 40]}, ramp: {days: 0, from: 1}}\n"));
  const Replication a = f.simulate(7, 3), b = f.simulate(7, 3);
  EXPECT_EQ(a.trace.times, b.trace.times);
  EXPECT_NE(a.trace.start(0), a.trace.start(1));  // two sites, two lags
  for (const Trace::Times& x : a.trace.times) {
    EXPECT_GE(x.start, 74);
    EXPECT_LE(x.start, 114);
  }
  // Without a ramp, a site does its 100 days straight after its lag.
  EXPECT_NEAR(a.trace.finish(0) - a.trace.start(0), 100, 1e-9);
}

}  // namespace
}  // namespace kpsim::engine
