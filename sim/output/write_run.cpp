#include "sim/output/write_run.hpp"

#include <cmath>
#include <nlohmann/json.hpp>

#include "sim/output/csv_sheet.hpp"
#include "sim/output/json_sheet.hpp"
#include "sim/tables/run_tables.hpp"
#include "sim/output/write_xlsx.hpp"

namespace kpsim::output {
namespace {

using Json = nlohmann::ordered_json;

// Stable, readable numbers: 6 decimals (100 yuan when the unit is 亿元).
Json number(double x) {
  if (std::isnan(x)) return nullptr;
  return std::round(x * 1e6) / 1e6;
}

}  // namespace

void write_run(ResultFolder& files, const model::Scenario& sc, const engine::Network& net,
               const report::MonteCarloForecast& mc, const RunInfo& info, const RunExtras& extras) {
  std::vector<tables::Sheet> sheets = tables::run_sheets(sc, net, mc, {info.seed, info.deterministic});
  sheets.insert(sheets.end(), extras.sheets.begin(), extras.sheets.end());
  for (const tables::Sheet& sheet : sheets) write_sheet_csv(files.add(sheet.csv), sheet);
  write_xlsx(files.add("report.xlsx"), sheets, files.staging());
  for (const auto& [name, content] : extras.files) files.add(name) << content;
  auto table = [&](const char* csv, const std::vector<std::string>& columns = {}) {
    for (const tables::Sheet& sheet : sheets)
      if (sheet.csv == csv) return sheet_json(sheet, columns);
    return Json::array();
  };
  // summary.json keeps the detail tables' key columns.
  const Json land = table("land.csv", {"pool", "released_mu", "granted_mu", "projects_granted", "mean_wait_days",
                                       "projects_never_granted"});
  const Json risks = table("risks.csv", {"risk", "name", "strikes_per_replication"});
  const Json arrivals = table("arrivals.csv", {"stream", "arrived", "started", "investment_in_horizon"});

  Json summary;
  summary["kpsim_version"] = KPSIM_VERSION;
  summary["scenario"] = sc.name;
  summary["policies"] = sc.applied_policies;
  summary["start"] = sc.start.iso();
  summary["end"] = sc.end.iso();
  summary["money_unit"] = sc.money_unit;
  summary["method"] = info.deterministic ? "discrete-event simulation, durations at their most likely value"
                                         : "discrete-event simulation, Monte Carlo";
  summary["seed"] = info.seed;
  summary["replications"] = mc.replications;
  summary["blocks"] = mc.blocks;
  if (info.until_converged) summary["converged"] = mc.converged;
  summary["events"] = mc.events;
  summary["projects"] = net.fixed_projects;
  summary["tasks"] = net.task_count();
  summary["annual_plan"] = sc.annual_plan ? Json(*sc.annual_plan) : Json(nullptr);
  summary["basis"] = mc.official ? "statistics_bureau" : "all_spend";
  const auto horizon = report::column_stats(mc.horizon_investment, 0);
  summary["investment_in_horizon"] = {{"mean", number(horizon.mean)}, {"p10", number(horizon.p10)},
                                      {"p50", number(horizon.p50)}, {"p90", number(horizon.p90)}};
  if (mc.official) summary["gross_investment_in_horizon_mean"] = number(mc.gross_horizon_investment.mean());
  summary["quarters"] = table("forecast_quarterly.csv");
  summary["months"] = table("forecast_monthly.csv");
  summary["start_progress"] = table("start_progress.csv");
  summary["categories"] = table("categories.csv");
  summary["agencies"] = table("agencies.csv");
  summary["approval_working_days"] = table("approval_times.csv");
  summary["land"] = land;
  summary["risks"] = risks;
  summary["arrivals"] = arrivals;
  summary["projects_at_risk"] = table("at_risk.csv");
  Json warnings = Json::array();
  for (const auto& w : sc.warnings) warnings.push_back(w.format());
  summary["warnings"] = warnings;
  if (!extras.sheets.empty()) {
    Json more = Json::object();
    for (const tables::Sheet& sheet : extras.sheets) more[sheet.csv.substr(0, sheet.csv.rfind('.'))] = sheet_json(sheet, {});
    summary[extras.summary_key] = more;
  }
  files.add("summary.json") << summary.dump(2) << '\n';
  files.commit();
}

}  // namespace kpsim::output
