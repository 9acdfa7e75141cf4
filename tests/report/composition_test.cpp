// 投资构成: equipment and other costs spent on their own timings, apart from
// construction and installation, which follows the site and its winter stop.
#include <gtest/gtest.h>

#include <numeric>

#include "sim/report/forecast.hpp"
#include "sim/report/reporting_basis.hpp"
#include "support/scenario_file.hpp"

namespace kpsim::report {
namespace {

// Land 2026-01-01 … 01-30 (30 days), then main works 100 site days from
// 01-31 (to 05-10), then installation on the site calendar from 05-11: 200
// site days, which the winter stop (11-15 … 03-15) interrupts. Investment 10.
std::string scenario(const std::string& composition) {
  return R"(kpsim: 1
name: composition
start: 2026-01-01
end: 2027-12-31
calendars:
  days: {week: all}
  site: {week: all, stops: [{name: 冬季停工, from: 11-15, to: 03-15}]}
agencies:
  land_bank: {capacity: 9, calendar: days}
templates:
  t:
    calendar: days
)" + composition + R"(
    steps:
      - {id: transfer, type: land, agency: land_bank, duration: 30, after: []}
      - {id: main, type: construction, calendar: days, duration: 100, share: 0.5}
      - {id: install, type: construction, calendar: site, duration: 200, share: 0.5}
projects:
  - {id: P, name: 项目, template: t, investment: 10}
)";
}

struct Spent {
  explicit Spent(const std::string& composition) : f(scenario(composition)), basis(make_reporting_basis(f.scenario, f.net)) {
    const engine::Replication rep = f.deterministic();
    fc = make_forecast(f.net, rep.trace, rep.calendars, rep.project_scale, &basis);
  }
  double part(int k, std::size_t month) const { return fc.part_months[k * fc.periods.months.size() + month]; }
  double part_total(int k) const {
    double s = 0;
    for (std::size_t m = 0; m < fc.periods.months.size(); ++m) s += part(k, m);
    return s;
  }
  test::ScenarioFile f;
  ReportingBasis basis;
  Forecast fc;
};

TEST(Composition, WithoutOneEverythingIsConstructionAndInstallation) {
  const Spent r("");
  EXPECT_NEAR(r.fc.investment_in_horizon, 10, 1e-9);
  EXPECT_NEAR(r.part_total(0), 10, 1e-9);
  EXPECT_EQ(r.part_total(1) + r.part_total(2), 0);
  EXPECT_EQ(r.fc.months[11].investment, 0);  // December 2026: the site is stopped, nothing else spends
}

TEST(Composition, EquipmentBoughtWithInstallationIsSpentThroughTheWinterStop) {
  const Spent r("    composition:\n      equipment: {share: 0.3, with: install}\n      other: {share: 0.1, at: land}\n");
  const std::size_t december = 11, january = 12;
  EXPECT_EQ(r.part(0, december), 0);  // construction and installation stop
  EXPECT_GT(r.part(1, december), 0);  // equipment is still bought
  EXPECT_GT(r.part(1, january), 0);
  // Installation spans 05-11 … 2027; equipment over that span on every day:
  // December is 31 days of the span's length.
  const auto& trace = r.f.deterministic().trace;
  const double span = trace.finish(2) - trace.start(2);
  EXPECT_NEAR(r.part(1, december), 3.0 * 31 / span, 1e-9);
  // Other costs at the land transfer: all in January, when it finishes.
  EXPECT_NEAR(r.part(2, 0), 1.0, 1e-9);
  EXPECT_NEAR(r.part_total(2), 1.0, 1e-9);
  // Construction and installation keep the rest, 60%, split by step shares.
  EXPECT_NEAR(r.part_total(0), 6.0, 1e-9);
  // Every part together is the whole investment, period by period.
  double months = 0;
  for (const PeriodResult& m : r.fc.months) months += m.investment;
  EXPECT_NEAR(months, 10, 1e-9);
  EXPECT_NEAR(r.fc.investment_in_horizon, 10, 1e-9);
  for (std::size_t m = 0; m < r.fc.months.size(); ++m)
    EXPECT_NEAR(r.fc.months[m].counted, r.part(0, m) + r.part(1, m) + r.part(2, m), 1e-12) << m;
}

TEST(Composition, SpreadCostsFollowTheWholeConstructionOnEveryDay) {
  const Spent r("    composition:\n      other: {share: 0.2, spread: true}\n");
  const auto& trace = r.f.deterministic().trace;
  const double span = trace.finish(2) - trace.start(1);  // first construction start to last finish
  EXPECT_NEAR(r.part(2, 11), 2.0 * 31 / span, 1e-9);
  EXPECT_NEAR(r.part_total(2), 2.0, 1e-9);
  EXPECT_NEAR(r.part_total(0), 8.0, 1e-9);
}

TEST(Composition, WorkDoneBeforeTheStartLeavesLessOfItsPartToSpend) {
  // The land was transferred before the start: its other costs are spent.
  std::string text = scenario("    composition:\n      other: {share: 0.1, at: land}\n"
                              "      equipment: {share: 0.3, with: install}\n");
  text.replace(text.find("investment: 10}"), 15, "investment: 10, state: {done: [transfer]}}");
  const test::ScenarioFile done(text);
  const ReportingBasis b = make_reporting_basis(done.scenario, done.net);
  ASSERT_EQ(b.parts.size(), 1u);  // equipment only
  EXPECT_EQ(b.parts[0].part, 1);
  EXPECT_NEAR(b.parts[0].amount, 3.0, 1e-12);
  EXPECT_NEAR(b.construction_scale[0], 0.7, 1e-12);  // 7 of the 10 left to spend
}

// Every mechanism at once — S-curves, composition, a slowed indoor winter, a
// slow February, each project's restart lag and ramp, a horizon that ends
// mid-way: the spend in the periods and after the horizon is still the whole
// investment, replication after replication.
TEST(Composition, EveryMechanismTogetherStillSpendsTheWholeInvestment) {
  const test::ScenarioFile f(R"(kpsim: 1
name: all-mechanisms
start: 2026-01-01
end: 2026-09-30
calendars:
  days: {week: all}
  site:
    week: all
    stops: [{name: 冬季停工, from: 11-15, to: 03-15}]
    restart: {lag: {triangular: [0, 15, 60]}, ramp: {days: 30, from: 0.5}}
  indoor:
    week: all
    stops: [{name: 冬季室内施工, from: 11-15, to: 03-15, intensity: 0.3}]
    monthly_intensity: {2: 0.5, 6: 1.2}
agencies:
  land_bank: {capacity: 1, calendar: days}
templates:
  t:
    calendar: site
    curve: s_curve
    composition:
      equipment: {share: 0.3, with: install, curve: back_loaded}
      other: {share: 0.1, spread: true}
    steps:
      - {id: transfer, type: land, agency: land_bank, duration: {uniform: [10, 40]}, after: []}
      - {id: main, type: construction, duration: {uniform: [80, 160]}, share: 0.6}
      - {id: install, type: construction, calendar: indoor, duration: {uniform: [100, 300]}, share: 0.4, curve: front_loaded}
projects:
  - {id: A, name: A, template: t, investment: 10}
  - {id: B, name: B, template: t, investment: 7, state: {progress: 0.3}}
  - {id: C, name: C, template: t, investment: 4, state: {done: [transfer]}}
)");
  const ReportingBasis basis = make_reporting_basis(f.scenario, f.net);
  const double to_spend = 10 + 7 * 0.7 + 4;
  for (std::uint32_t r = 0; r < 20; ++r) {
    const engine::Replication rep = f.simulate(11, r);
    const Forecast fc = make_forecast(f.net, rep.trace, rep.calendars, rep.project_scale, &basis, {rep.seed, rep.replication, false});
    double months = 0;
    for (const PeriodResult& m : fc.months) months += m.investment;
    EXPECT_NEAR(months, fc.investment_in_horizon, 1e-9) << r;
    EXPECT_NEAR(fc.investment_in_horizon + fc.investment_after_horizon, to_spend, 1e-9) << r;
    double parts = 0;
    for (double x : fc.part_months) parts += x;
    EXPECT_NEAR(parts, fc.counted_in_horizon, 1e-9) << r;
  }
}

}  // namespace
}  // namespace kpsim::report
