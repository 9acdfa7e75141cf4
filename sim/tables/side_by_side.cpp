#include "sim/tables/side_by_side.hpp"

#include <cmath>
#include <initializer_list>

#include "sim/tables/run_tables.hpp"
#include "sim/model/ids.hpp"
#include "sim/report/planner_questions.hpp"

namespace kpsim::tables {
namespace {

// The label of a variant: its policies, else its name.
std::string label_of(const model::Scenario& sc) {
  std::string label;
  for (const std::string& p : sc.applied_policies) label += (label.empty() ? "" : " + ") + p;
  return label.empty() ? sc.name : label;
}

// Columns per variant: (CSV name, workbook label) for each measure, labelled
// with the variant's policies.
void add_variant_columns(Sheet& s, const std::vector<ForecastView>& variants,
                         std::initializer_list<std::pair<const char*, const char*>> measures) {
  for (const ForecastView& v : variants)
    for (const auto& [csv, label] : measures) {
      s.header.push_back(std::string(csv) + ": " + label_of(v.scenario));
      s.labels.push_back(label_of(v.scenario) + " " + label);
    }
}

Cell held(const ForecastView& v, const report::ProjectStats& s, report::Target target) {
  const std::uint32_t task = report::held_task(s, target);
  return task == report::ProjectResult::kNoTask ? Cell::blank() : Cell::of(step_label(v.scenario, v.net, task));
}

Sheet targets_sheet(const ForecastView& base, const std::vector<ForecastView>& variants) {
  Sheet s;
  s.csv = "targets_compare.csv";
  s.title = "目标风险对比";
  s.notes = {"未按期开工/竣工概率：基准与各方案 — the probability of missing each target, base and variants",
             "列出任一方案中概率 ≥ " + std::to_string(static_cast<int>(std::lround(100 * base.scenario.at_risk_threshold))) + "% 的目标"};
  s.header = {"project", "name", "target", "target_date", "p_miss_base", "held_by_base"};
  s.labels = {"项目编号", "项目名称", "目标", "目标日期", "基准 未按期概率", "基准 最常卡在"};
  add_variant_columns(s, variants, {{"p_miss", "未按期概率"}, {"held_by", "最常卡在"}});
  for (std::uint32_t p = 0; p < base.net.fixed_projects; ++p) {
    const model::Project& pr = base.scenario.projects[p];
    for (report::Target target : {report::Target::start, report::Target::completion}) {
      const bool start = target == report::Target::start;
      const auto& date = start ? pr.start_target : pr.completion_target;
      if (!date) continue;
      const double threshold = base.scenario.at_risk_threshold;
      std::vector<Cell> row{Cell::of(pr.id), Cell::of(pr.name), Cell::of(start ? "开工 start" : "竣工 completion"),
                            Cell::day(*date), Cell::share(report::miss_probability(base.mc.projects[p], target), 1),
                            held(base, base.mc.projects[p], target)};
      bool listed = report::at_risk(base.mc.projects[p], target, threshold);
      for (const ForecastView& v : variants) {
        const auto q = model::index_of_id(v.scenario.projects, pr.id);
        if (!q) {
          row.push_back(Cell::blank());
          row.push_back(Cell::blank());
          continue;
        }
        const report::ProjectStats& st = v.mc.projects[*q];
        listed |= report::at_risk(st, target, threshold);
        row.push_back(Cell::share(report::miss_probability(st, target), 1));
        row.push_back(held(v, st, target));
      }
      if (listed) s.rows.push_back(std::move(row));
    }
  }
  return s;
}

Sheet agencies_sheet(const ForecastView& base, const std::vector<ForecastView>& variants) {
  Sheet s;
  s.csv = "agencies_compare.csv";
  s.title = "部门瓶颈对比";
  s.notes = {"各部门利用率与平均等待（工作日）：基准与各方案 — agency utilisation and mean wait, base and variants"};
  s.header = {"agency", "name", "utilisation_base", "mean_wait_base"};
  s.labels = {"部门", "名称", "基准 利用率", "基准 平均等待"};
  add_variant_columns(s, variants, {{"utilisation", "利用率"}, {"mean_wait", "平均等待"}});
  for (std::size_t a = 0; a < base.scenario.agencies.size(); ++a) {
    const model::Agency& ag = base.scenario.agencies[a];
    std::vector<Cell> row{Cell::of(ag.id), Cell::of(ag.name), Cell::share(base.mc.agencies[a].utilisation, 1),
                          Cell::number(base.mc.agencies[a].mean_wait, 2)};
    for (const ForecastView& v : variants) {
      const auto b = model::index_of_id(v.scenario.agencies, ag.id);
      row.push_back(!b ? Cell::blank() : Cell::share(v.mc.agencies[*b].utilisation, 1));
      row.push_back(!b ? Cell::blank() : Cell::number(v.mc.agencies[*b].mean_wait, 2));
    }
    s.rows.push_back(std::move(row));
  }
  return s;
}

Sheet start_progress_sheet(const ForecastView& base, const std::vector<ForecastView>& variants) {
  Sheet s;
  s.csv = "start_progress_compare.csv";
  s.title = "开工进度对比";
  s.notes = {"季度末未开工的重点项目数（均值）：基准与各方案 — key projects not yet started at each quarter's end"};
  s.header = {"period", "key_projects", "key_not_started_base"};
  s.labels = {"季度", "重点项目数", "基准 未开工"};
  add_variant_columns(s, variants, {{"key_not_started", "未开工"}});
  for (std::size_t q = 0; q < base.mc.periods.quarters.size(); ++q) {
    const auto c = static_cast<Eigen::Index>(q);
    std::vector<Cell> row{Cell::of(base.mc.periods.quarters[q].label), Cell::number(base.mc.key_projects, 0),
                          Cell::number(base.mc.key_not_started.col(c).mean(), 2)};
    for (const ForecastView& v : variants)
      row.push_back(c < v.mc.key_not_started.cols() ? Cell::number(v.mc.key_not_started.col(c).mean(), 2) : Cell::blank());
    s.rows.push_back(std::move(row));
  }
  return s;
}

}  // namespace

std::vector<Sheet> side_by_side_sheets(const ForecastView& base, const std::vector<ForecastView>& variants) {
  return {targets_sheet(base, variants), agencies_sheet(base, variants), start_progress_sheet(base, variants)};
}

}  // namespace kpsim::tables
