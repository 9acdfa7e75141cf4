#include "sim/sweep/variant_outcome.hpp"

#include <nlohmann/json.hpp>

#include "sim/report/planner_questions.hpp"

namespace kpsim::sweep {
namespace {

using Json = nlohmann::json;

// JSON has no NaN: null stands for it.
Json number(double x) { return std::isnan(x) ? Json(nullptr) : Json(x); }
double number(const Json& j) { return j.is_null() ? report::kNever : j.get<double>(); }
Json numbers(const std::vector<double>& v) {
  Json a = Json::array();
  for (double x : v) a.push_back(number(x));
  return a;
}
std::vector<double> numbers(const Json& a) {
  std::vector<double> v;
  for (const Json& x : a) v.push_back(number(x));
  return v;
}

}  // namespace

VariantOutcome variant_outcome(const model::Scenario& sc, const report::MonteCarloForecast& mc) {
  VariantOutcome o;
  o.series = report::paired_series(sc, mc);
  const Eigen::Index last = mc.quarter_ytd.cols() - 1;
  if (sc.annual_plan && *sc.annual_plan > 0 && last >= 0) o.share_of_plan = mc.quarter_ytd.col(last).mean() / *sc.annual_plan;
  if (mc.start_candidates > 0) o.start_rate = mc.quarter_started.sum() / mc.replications / mc.start_candidates;
  o.approval_days = mc.approval[report::from_start].all.mean;
  for (std::size_t a = 0; a < mc.agencies.size(); ++a)
    if (o.bottleneck.empty() || mc.agencies[a].utilisation > o.bottleneck_utilisation)
      o.bottleneck = sc.agencies[a].name.empty() ? sc.agencies[a].id : sc.agencies[a].name,
      o.bottleneck_utilisation = mc.agencies[a].utilisation;
  o.targets_at_risk = static_cast<int>(report::targets_at_risk(mc, sc.at_risk_threshold).size());
  return o;
}

std::string outcome_text(const VariantOutcome& o) {
  Json series = Json::array();
  for (const report::PairedSeries& s : o.series)
    series.push_back({s.metric, s.period, numbers(s.values), numbers(s.denominators)});
  const Json j{{"series", series},
               {"share_of_plan", number(o.share_of_plan)},
               {"start_rate", number(o.start_rate)},
               {"approval_days", number(o.approval_days)},
               {"bottleneck", o.bottleneck},
               {"bottleneck_utilisation", number(o.bottleneck_utilisation)},
               {"targets_at_risk", o.targets_at_risk}};
  return j.dump() + "\n";
}

VariantOutcome outcome_from_text(const std::string& text) {
  const Json j = Json::parse(text);
  VariantOutcome o;
  for (const Json& s : j.at("series"))
    o.series.push_back({s.at(0).get<std::string>(), s.at(1).get<std::string>(), numbers(s.at(2)), numbers(s.at(3))});
  o.share_of_plan = number(j.at("share_of_plan"));
  o.start_rate = number(j.at("start_rate"));
  o.approval_days = number(j.at("approval_days"));
  o.bottleneck = j.at("bottleneck").get<std::string>();
  o.bottleneck_utilisation = number(j.at("bottleneck_utilisation"));
  o.targets_at_risk = j.at("targets_at_risk").get<int>();
  return o;
}

}  // namespace kpsim::sweep
