#include "sim/tables/sensitivity_table.hpp"

#include <cmath>

#include "sim/report/sensitivity_ranking.hpp"
#include "sim/tables/run_tables.hpp"

namespace kpsim::tables {
namespace {

// A task that runs the template step `rule`: its template and step.
const engine::Task& task_of_rule(const engine::Network& net, std::uint32_t rule) {
  for (std::size_t t = 0; t < net.tasks.size(); ++t)
    if (net.hot[t].rule == rule) return net.tasks[t];
  return net.tasks.front();  // sensitivity_inputs lists only rules some task runs
}

Cell kind_cell(report::DriverKind k) {
  switch (k) {
    case report::DriverKind::step: return Cell::choice("step", "审批/施工环节");
    case report::DriverKind::risk: return Cell::choice("risk", "风险事件");
    case report::DriverKind::agency: return Cell::choice("agency", "部门等待");
    case report::DriverKind::project_step: return Cell::choice("project_step", "项目环节");
  }
  return Cell::blank();
}

Cell metric_cell(const std::string& metric) {
  if (metric == "investment") return Cell::choice(metric, "完成投资");
  if (metric == "started") return Cell::choice(metric, "开工项目数");
  if (metric == "key_started") return Cell::choice(metric, "重点项目开工数");
  if (metric == "start") return Cell::choice(metric, "开工日期");
  if (metric == "completion") return Cell::choice(metric, "竣工日期");
  return Cell::of(metric);
}

}  // namespace

std::string input_id(const model::Scenario& sc, const engine::Network& net, const report::SensitivityInput& in) {
  switch (in.kind) {
    case report::DriverKind::step: {
      const engine::Task& t = task_of_rule(net, in.index);
      const model::Template& tp = sc.templates[net.project_template[t.project]];
      return tp.id + "/" + tp.steps[t.step].id;
    }
    case report::DriverKind::risk: return sc.risks[in.index].id;
    case report::DriverKind::agency: return sc.agencies[in.index].id;
    case report::DriverKind::project_step: {
      const engine::Task& t = net.tasks[in.index];
      return sc.projects[t.project].id + "/" + sc.templates[net.project_template[t.project]].steps[t.step].id;
    }
  }
  return {};
}

std::string input_label(const model::Scenario& sc, const engine::Network& net, const report::SensitivityInput& in) {
  switch (in.kind) {
    case report::DriverKind::step: {
      const engine::Task& t = task_of_rule(net, in.index);
      const model::Template& tp = sc.templates[net.project_template[t.project]];
      return (tp.name.empty() ? tp.id : tp.name) + " · " + step_label(sc, net, static_cast<std::uint32_t>(&t - net.tasks.data()));
    }
    case report::DriverKind::risk: return sc.risks[in.index].name.empty() ? sc.risks[in.index].id : sc.risks[in.index].name;
    case report::DriverKind::agency: return sc.agencies[in.index].name;
    case report::DriverKind::project_step: return sc.projects[net.tasks[in.index].project].id + " " + step_label(sc, net, in.index);
  }
  return {};
}

Sheet sensitivity_sheet(const model::Scenario& sc, const engine::Network& net, const report::MonteCarloForecast& mc) {
  Sheet s;
  s.csv = "sensitivity.csv";
  s.title = "敏感性分析";
  s.notes = {"各环节工期、风险事件、部门等待与结果指标在各次模拟间的秩相关系数（Spearman），按绝对值从大到小排列；"
             "90%区间不含0者为可辨识的驱动因素，其余可能只是抽样噪声。",
             "环节：该模板环节在各项目上的平均工作日；风险：触发的任务数；部门：平均等待工作日。"};
  s.header = {"metric", "period", "rank", "kind", "driver", "name", "rank_correlation", "ci90_low", "ci90_high",
              "clear", "mean_value", "replications"};
  s.labels = {"指标", "期间/项目", "排名", "类别", "编号", "驱动因素", "秩相关系数", "90%下限", "90%上限", "可辨识",
              "平均值", "模拟次数"};
  // Each input's id and name once (a step's looks its template up by task).
  std::vector<std::string> ids, names;
  for (const report::SensitivityInput& in : mc.sensitivity) {
    ids.push_back(input_id(sc, net, in));
    names.push_back(input_label(sc, net, in));
  }
  const report::InputRanking ranking(mc);
  for (const report::SensitivityOutput& o : report::sensitivity_outputs(sc, mc)) {
    const std::vector<report::RankedInput> ranked = ranking.rank(o.values);
    for (std::size_t k = 0; k < ranked.size(); ++k) {
      const report::RankedInput& r = ranked[k];
      const report::SensitivityInput& in = mc.sensitivity[r.input];
      const report::RankCorrelation& c = r.correlation;
      const bool clear = c.varies && (c.ci90_low > 0 || c.ci90_high < 0);
      s.rows.push_back({metric_cell(o.metric), Cell::of(o.period), Cell::number(static_cast<double>(k + 1), 0),
                        kind_cell(in.kind), Cell::of(ids[r.input]), Cell::of(names[r.input]),
                        Cell::number(c.rho, 3), Cell::number(c.ci90_low, 3), Cell::number(c.ci90_high, 3),
                        Cell::choice(clear ? "yes" : "no", clear ? "是" : "否"), Cell::number(r.mean, 2),
                        Cell::number(static_cast<double>(c.n), 0)});
    }
  }
  return s;
}

}  // namespace kpsim::tables
