#include "sim/cli/forecasts.hpp"

#include <algorithm>

#include "sim/input/load_scenario.hpp"
#include "sim/input/read_policies.hpp"
#include "sim/input/yaml_reader.hpp"
#include "sim/policy/apply_policies.hpp"
#include "sim/engine/compile.hpp"
#include "sim/report/forecast_builder.hpp"
#include "sim/cli/command_support.hpp"
#include "sim/sweep/scenario_edits.hpp"

namespace kpsim::cli {
namespace {

bool sets_values(const std::string& overlay) {
  model::Diagnostics diag;
  const auto doc = input::parse_yaml_file(overlay, diag);
  return doc && doc->root.IsMap() && doc->root["set"];
}

}  // namespace

model::Scenario load_with_policies(const std::string& path, const std::vector<std::string>& overlay_files) {
  if (std::any_of(overlay_files.begin(), overlay_files.end(), sets_values)) {
    model::Diagnostics diag;
    const sweep::ScenarioEdits edits(path, overlay_files, diag);
    diag.throw_if_errors();
    return policy::apply_policies(edits.edited_scenario({}), edits.overlay_policies({}));
  }
  model::Scenario sc = input::load_scenario(path);
  std::vector<model::Policy> overlays;
  for (const std::string& f : overlay_files) {
    auto more = input::load_policy_file(f);
    overlays.insert(overlays.end(), more.begin(), more.end());
  }
  return policy::apply_policies(std::move(sc), overlays);
}

report::MonteCarloForecast forecast(const model::Scenario& sc, const engine::Network& net,
                                    const run::ReplicationOptions& options, std::ostream& err) {
  report::ForecastBuilder builder(sc, net);
  const run::ReplicationCount count = run::run_replications(net, options, builder);
  if (count.threads < options.threads)
    err << "warning: the system started only " << count.threads << " of " << options.threads
        << " threads; the results are the same, the run slower\n";
  return builder.finish(count);
}

std::vector<tables::ForecastView> Compared::variant_views() const {
  std::vector<tables::ForecastView> views;
  for (std::size_t i = 1; i < forecasts.size(); ++i) views.push_back(forecasts[i].view());
  return views;
}

Compared compare_scenarios(model::Scenario base, std::vector<model::Scenario> variants,
                           const run::ReplicationOptions& options, std::ostream& err) {
  Compared c;
  print_warnings(err, base);
  run::ReplicationOptions each = options;  // the whole comparison is the control's total from the start
  each.total_counted = true;
  run::add_total(options.control, (1 + variants.size()) * static_cast<std::uint64_t>(options.deterministic ? 1 : std::max(1, options.replications)));
  auto add = [&](model::Scenario sc) -> const Compared::Forecast& {
    engine::Network net = engine::compile(sc);
    Compared::Forecast& f = c.forecasts.emplace_back(Compared::Forecast{std::move(sc), std::move(net), {}});
    f.mc = forecast(f.scenario, f.net, each, err);
    return f;
  };
  const Compared::Forecast& b = add(std::move(base));
  for (model::Scenario& v : variants) {
    print_warnings(err, v);
    const Compared::Forecast& f = add(std::move(v));
    c.comparisons.push_back(report::compare_forecasts(b.scenario, b.mc, f.scenario, f.mc));
  }
  c.side_by_side = tables::side_by_side_sheets(b.view(), c.variant_views());
  c.info = {options.seed, options.replications, b.scenario.money_unit, {}};
  for (const model::Agency& a : b.scenario.agencies) c.info.agency_names.emplace_back(a.id, a.name);
  return c;
}

}  // namespace kpsim::cli
