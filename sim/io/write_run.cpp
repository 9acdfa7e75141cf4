#include "sim/io/write_run.hpp"

#include <cmath>
#include <nlohmann/json.hpp>

#include "sim/io/atomic_file.hpp"
#include "sim/io/csv_writer.hpp"
#include "sim/io/run_tables.hpp"
#include "sim/io/write_xlsx.hpp"

namespace kpsim::io {
namespace {

using Json = nlohmann::ordered_json;

// Stable, readable numbers: 6 decimals (100 yuan when the unit is 亿元).
Json number(double x, double scale = 1e6) {
  if (std::isnan(x)) return nullptr;
  return std::round(x * scale) / scale;
}

// A sheet as JSON rows keyed by its CSV header, numbers rounded as in the CSV.
Json sheet_json(const Sheet& sheet) {
  Json rows = Json::array();
  for (const auto& cells : sheet.rows) {
    Json row = Json::object();
    for (std::size_t c = 0; c < cells.size() && c < sheet.header.size(); ++c) {
      const Cell& cell = cells[c];
      Json& v = row[sheet.header[c]];
      switch (cell.kind) {
        case Cell::Kind::empty: v = nullptr; break;
        case Cell::Kind::text: v = cell.text; break;
        case Cell::Kind::number: v = number(cell.value, std::pow(10.0, cell.decimals)); break;
        case Cell::Kind::share: v = number(cell.value, std::pow(10.0, cell.decimals + 2)); break;
        case Cell::Kind::date: v = cell.date.iso(); break;
      }
    }
    rows.push_back(std::move(row));
  }
  return rows;
}

Json write_land(std::ostream& out, const model::Scenario& sc, const report::MonteCarloForecast& mc) {
  write_csv_row(out, {"pool", "name", "released_mu", "granted_mu", "projects_granted", "mean_wait_days",
                      "projects_never_granted"});
  Json rows = Json::array();
  for (std::size_t i = 0; i < mc.land.size(); ++i) {
    const auto& l = mc.land[i];
    write_csv_row(out, {csv_text(sc.land_pools[i].id), csv_text(sc.land_pools[i].name), csv_number(l.released_mu, 2),
                        csv_number(l.granted_mu, 2), csv_number(l.grants, 2), csv_number(l.mean_wait_days, 1),
                        csv_number(l.waiting_at_end, 2)});
    rows.push_back({{"pool", sc.land_pools[i].id}, {"released_mu", number(l.released_mu, 1e2)},
                    {"granted_mu", number(l.granted_mu, 1e2)}, {"projects_granted", number(l.grants, 1e2)},
                    {"mean_wait_days", number(l.mean_wait_days, 10)}, {"projects_never_granted", number(l.waiting_at_end, 1e2)}});
  }
  return rows;
}

Json write_risks(std::ostream& out, const model::Scenario& sc, const report::MonteCarloForecast& mc) {
  write_csv_row(out, {"risk", "name", "effect", "probability", "strikes_per_replication"});
  Json rows = Json::array();
  for (std::size_t i = 0; i < mc.risks.size(); ++i) {
    const model::Risk& r = sc.risks[i];
    write_csv_row(out, {csv_text(r.id), csv_text(r.name), std::string(model::to_string(r.effect)),
                        csv_number(r.probability, 4), csv_number(mc.risks[i].hits, 3)});
    rows.push_back({{"risk", r.id}, {"name", r.name}, {"strikes_per_replication", number(mc.risks[i].hits, 1e3)}});
  }
  return rows;
}

Json write_arrivals(std::ostream& out, const model::Scenario& sc, const report::MonteCarloForecast& mc) {
  write_csv_row(out, {"stream", "name", "arrived", "started", "investment_in_horizon"});
  Json rows = Json::array();
  for (std::size_t i = 0; i < mc.arrivals.size(); ++i) {
    const auto& a = mc.arrivals[i];
    write_csv_row(out, {csv_text(sc.arrivals[i].id), csv_text(sc.arrivals[i].name), csv_number(a.arrived, 3),
                        csv_number(a.started, 3), csv_number(a.investment)});
    rows.push_back({{"stream", sc.arrivals[i].id}, {"arrived", number(a.arrived, 1e3)}, {"started", number(a.started, 1e3)},
                    {"investment_in_horizon", number(a.investment)}});
  }
  return rows;
}

void write_criticality(std::ostream& out, const model::Scenario& sc, const engine::Network& net,
                       const report::MonteCarloForecast& mc) {
  write_csv_row(out, {"project", "step", "name", "criticality"});
  for (std::uint32_t t = 0; t < net.project_begin[net.fixed_projects]; ++t) {
    if (net.tasks[t].done_at_start) continue;
    const model::Step& step = sc.templates[net.project_template[net.tasks[t].project]].steps[net.tasks[t].step];
    write_csv_row(out, {csv_text(sc.projects[net.tasks[t].project].id), csv_text(step.id), csv_text(step.name),
                        csv_number(mc.criticality[t], 4)});
  }
}

}  // namespace

void write_run(const std::filesystem::path& dir, const model::Scenario& sc, const engine::Network& net,
               const report::MonteCarloForecast& mc, const RunInfo& info) {
  std::filesystem::create_directories(dir);
  AtomicFileSet files;
  const std::vector<Sheet> sheets = run_sheets(sc, net, mc, {info.seed, info.deterministic});
  for (const Sheet& sheet : sheets) write_sheet_csv(files.add(dir / sheet.csv), sheet);
  write_xlsx(files.add(dir / "report.xlsx"), sheets, dir);
  auto table = [&](const char* csv) {
    for (const Sheet& sheet : sheets)
      if (sheet.csv == csv) return sheet_json(sheet);
    return Json::array();
  };
  write_criticality(files.add(dir / "criticality.csv"), sc, net, mc);
  const Json land = write_land(files.add(dir / "land.csv"), sc, mc);
  const Json risks = write_risks(files.add(dir / "risks.csv"), sc, mc);
  const Json arrivals = write_arrivals(files.add(dir / "arrivals.csv"), sc, mc);

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
  files.add(dir / "summary.json") << summary.dump(2) << '\n';
  files.commit_all();
}

}  // namespace kpsim::io
