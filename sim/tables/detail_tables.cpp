#include "sim/tables/detail_tables.hpp"

namespace kpsim::tables {
namespace {

Cell effect_cell(model::RiskEffect e) {
  const char* shown = e == model::RiskEffect::delay    ? "延误"
                      : e == model::RiskEffect::rework ? "返工"
                      : e == model::RiskEffect::stall  ? "停工"
                                                       : "暂停至资金到位";
  return Cell::choice(std::string(model::to_string(e)), shown);
}

}  // namespace

Sheet land_sheet(const model::Scenario& sc, const report::MonteCarloForecast& mc) {
  Sheet s;
  s.csv = "land.csv";
  s.title = "用地指标";
  s.notes = {"各用地指标池：全期释放、每次重复的供地亩数与项目数、等待天数、始终未获供地的项目数 — land pools"};
  s.header = {"pool", "name", "released_mu", "granted_mu", "projects_granted", "mean_wait_days", "projects_never_granted"};
  s.labels = {"指标池", "名称", "释放（亩）", "供地（亩）", "获地项目数", "平均等待（天）", "未获供地项目数"};
  for (std::size_t i = 0; i < mc.land.size(); ++i) {
    const report::LandSummary& l = mc.land[i];
    s.rows.push_back({Cell::of(sc.land_pools[i].id), Cell::of(sc.land_pools[i].name), Cell::number(l.released_mu, 2),
                      Cell::number(l.granted_mu, 2), Cell::number(l.grants, 2), Cell::number(l.mean_wait_days, 1),
                      Cell::number(l.waiting_at_end, 2)});
  }
  return s;
}

Sheet risks_sheet(const model::Scenario& sc, const report::MonteCarloForecast& mc) {
  Sheet s;
  s.csv = "risks.csv";
  s.title = "风险事件";
  s.notes = {"各风险每次重复平均命中的任务数 — how often each risk struck, per replication"};
  s.header = {"risk", "name", "effect", "probability", "strikes_per_replication"};
  s.labels = {"风险", "名称", "影响", "概率", "每次重复命中任务数"};
  for (std::size_t i = 0; i < mc.risks.size(); ++i) {
    const model::Risk& r = sc.risks[i];
    s.rows.push_back({Cell::of(r.id), Cell::of(r.name), effect_cell(r.effect),
                      Cell::number(r.probability, 4), Cell::number(mc.risks[i].hits, 3)});
  }
  return s;
}

Sheet arrivals_sheet(const model::Scenario& sc, const report::MonteCarloForecast& mc) {
  Sheet s;
  s.csv = "arrivals.csv";
  s.title = "新签约项目";
  s.notes = {"期内新进入的项目：每次重复的项目数、其中开工数、完成投资 — projects signed during the horizon"};
  s.header = {"stream", "name", "arrived", "started", "investment_in_horizon"};
  s.labels = {"来源", "名称", "进入项目数", "其中开工", "期内完成投资（" + sc.money_unit + "）"};
  for (std::size_t i = 0; i < mc.arrivals.size(); ++i) {
    const report::ArrivalSummary& a = mc.arrivals[i];
    s.rows.push_back({Cell::of(sc.arrivals[i].id), Cell::of(sc.arrivals[i].name), Cell::number(a.arrived, 3),
                      Cell::number(a.started, 3), Cell::money(a.investment)});
  }
  return s;
}

Sheet criticality_sheet(const model::Scenario& sc, const engine::Network& net, const report::MonteCarloForecast& mc) {
  Sheet s;
  s.csv = "criticality.csv";
  s.title = "关键性";
  s.notes = {"关键性指数：该步骤位于其项目最长路径上的重复次数占比 — share of replications on the project's longest path"};
  s.header = {"project", "step", "name", "criticality"};
  s.labels = {"项目编号", "步骤", "名称", "关键性指数"};
  for (std::uint32_t t = 0; t < net.project_begin[net.fixed_projects]; ++t) {
    if (net.tasks[t].done_at_start) continue;
    const model::Step& step = sc.templates[net.project_template[net.tasks[t].project]].steps[net.tasks[t].step];
    s.rows.push_back({Cell::of(sc.projects[net.tasks[t].project].id), Cell::of(step.id), Cell::of(step.name),
                      Cell::number(mc.criticality[t], 4)});
  }
  return s;
}

}  // namespace kpsim::tables
