// The figures a calibration reads from a replication are the forecast's own.
#include "sim/calibrate/observables.hpp"

#include <gtest/gtest.h>

#include <cmath>

#include "sim/engine/compile.hpp"
#include "sim/engine/simulate.hpp"
#include "sim/input/load_scenario.hpp"
#include "sim/report/replication_summary.hpp"

namespace kpsim {
namespace {

model::Observation observation(model::ObservationKind kind, const std::string& date) {
  model::Observation o;
  o.kind = kind;
  o.date = *core::parse_iso_date(date);
  return o;
}

TEST(Observables, ReadTheForecastsFiguresByDistrictCategoryCountAndApproval) {
  const model::Scenario sc = input::load_scenario(KPSIM_SOURCE_DIR "/scenarios/quickstart.yaml");
  const engine::Network net = engine::compile(sc);
  const report::ReportingBasis basis = report::make_reporting_basis(sc, net);
  std::vector<model::Observation> obs;
  obs.push_back(observation(model::ObservationKind::investment, "2026-06-30"));
  obs.push_back(observation(model::ObservationKind::investment, "2026-06-30"));
  obs.back().district = "高新区";
  obs.push_back(observation(model::ObservationKind::investment, "2026-06-30"));
  obs.back().category = basis.category_names[0];
  obs.push_back(observation(model::ObservationKind::count, "2026-06-30"));
  obs.back().group = model::ProjectGroup::key;
  obs.push_back(observation(model::ObservationKind::approval_days, "2026-01-01"));
  obs.push_back(observation(model::ObservationKind::project_started, "2026-06-30"));
  obs.back().project = "G02";
  model::Diagnostics diag;
  const calibrate::Observables o(obs, sc, net, basis, diag);
  ASSERT_FALSE(diag.has_errors());
  EXPECT_TRUE(o.needs_project_months());
  EXPECT_TRUE(o.binary(5));

  const engine::Replication rep = engine::simulate(net, 3, 0);
  const report::Forecast f = report::make_forecast(net, rep.trace, rep.calendars, rep.project_scale, &basis,
                                                   {rep.seed, rep.replication, rep.deterministic}, true);
  report::ApprovalDays days;
  report::approval_days(net, rep, days);
  std::vector<double> v(obs.size());
  o.measure(f, days.from_entry, v);

  const std::size_t months = f.months.size();
  double all = 0, district = 0, category = 0;
  for (std::size_t m = 0; m < 6; ++m) {
    all += f.months[m].counted;
    category += f.category_months[m];  // category 0
    for (std::uint32_t p = 0; p < net.fixed_projects; ++p)
      if (sc.projects[p].district == "高新区") district += f.project_months[p * months + m];
  }
  EXPECT_DOUBLE_EQ(v[0], all);
  EXPECT_GT(v[0], v[1]);
  EXPECT_NEAR(v[1], district, 1e-12);
  EXPECT_NEAR(v[2], category, 1e-12);
  double key_not_started = 0, sum = 0;
  int n = 0;
  for (std::uint32_t p = 0; p < net.fixed_projects; ++p) {
    const report::ProjectResult& r = f.projects[p];
    if (net.project_key[p] && !net.project_under_construction[p] && (std::isnan(r.start) || r.start_day > 180)) ++key_not_started;
    if (std::isfinite(days.from_entry[p])) sum += days.from_entry[p], ++n;
  }
  EXPECT_EQ(v[3], key_not_started);
  EXPECT_DOUBLE_EQ(v[4], sum / n);
  EXPECT_TRUE(v[5] == 0 || v[5] == 1);
}

}  // namespace
}  // namespace kpsim
