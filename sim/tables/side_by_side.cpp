#include "sim/tables/side_by_side.hpp"

#include <algorithm>
#include <cmath>
#include <initializer_list>
#include <numeric>

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
// with the variant's policies (or 方案 when there is one variant to show).
void add_variant_columns(Sheet& s, const std::vector<ForecastView>& variants,
                         std::initializer_list<std::pair<const char*, const char*>> measures, bool short_labels) {
  for (const ForecastView& v : variants)
    for (const auto& [csv, label] : measures) {
      s.header.push_back(std::string(csv) + ": " + label_of(v.scenario));
      s.labels.push_back((short_labels ? std::string("方案") : label_of(v.scenario)) + " " + label);
    }
}

// Still missed (at risk in the variant), fixed (at risk in the base only)
// or a new risk (in the variant only).
const char* target_status(bool base_at_risk, bool variant_at_risk) {
  if (variant_at_risk) return base_at_risk ? "仍未达标 still missed" : "新增风险 new";
  return base_at_risk ? "已解决 fixed" : "";
}

Cell held(const ForecastView& v, const report::ProjectStats& s, report::Target target) {
  const std::uint32_t task = report::held_task(s, target);
  return task == report::ProjectResult::kNoTask ? Cell::blank() : Cell::of(step_label(v.scenario, v.net, task));
}

Sheet targets_sheet(const ForecastView& base, const std::vector<ForecastView>& variants, bool short_labels) {
  Sheet s;
  s.csv = "targets_compare.csv";
  s.title = "目标风险对比";
  const double threshold = base.scenario.at_risk_threshold;
  s.notes = {"未按期开工/竣工概率：基准与各方案，变化为百分点 — the probability of missing each target, base and variants, and its change",
             "列出任一方案中概率 ≥ " + std::to_string(static_cast<int>(std::lround(100 * threshold))) +
                 "% 的目标；仍未达标：方案中仍 ≥ 该概率；已解决：仅基准中 ≥ 该概率"};
  s.header = {"project", "name", "target", "target_date", "p_miss_base", "held_by_base"};
  s.labels = {"项目编号", "项目名称", "目标", "目标日期", "基准 未按期概率", "基准 最常卡在"};
  add_variant_columns(s, variants, {{"p_miss", "未按期概率"}, {"p_miss_change", "变化（百分点）"}, {"status", "结论"}, {"held_by", "最常卡在"}},
                      short_labels);
  for (std::uint32_t p = 0; p < base.net.fixed_projects; ++p) {
    const model::Project& pr = base.scenario.projects[p];
    for (report::Target target : {report::Target::start, report::Target::completion}) {
      const bool start = target == report::Target::start;
      const auto& date = start ? pr.start_target : pr.completion_target;
      if (!date) continue;
      const double base_p = report::miss_probability(base.mc.projects[p], target);
      const bool base_risk = report::at_risk(base.mc.projects[p], target, threshold);
      std::vector<Cell> row{Cell::of(pr.id), Cell::of(pr.name), Cell::of(start ? "开工 start" : "竣工 completion"),
                            Cell::day(*date), Cell::share(base_p, 1), held(base, base.mc.projects[p], target)};
      bool listed = base_risk;
      for (const ForecastView& v : variants) {
        const auto q = model::index_of_id(v.scenario.projects, pr.id);
        if (!q) {
          row.insert(row.end(), 4, Cell::blank());
          continue;
        }
        const report::ProjectStats& st = v.mc.projects[*q];
        const bool risk = report::at_risk(st, target, threshold);
        listed |= risk;
        const double vp = report::miss_probability(st, target);
        row.push_back(Cell::share(vp, 1));
        row.push_back(Cell::share(vp - base_p, 1));
        row.push_back(Cell::of(target_status(base_risk, risk)));
        row.push_back(held(v, st, target));
      }
      if (listed) s.rows.push_back(std::move(row));
    }
  }
  // Worst first in the last variant shown (the base when there is none).
  const std::size_t key = variants.empty() ? 4 : s.header.size() - 4;
  std::stable_sort(s.rows.begin(), s.rows.end(),
                   [&](const std::vector<Cell>& a, const std::vector<Cell>& b) { return a[key].value > b[key].value; });
  return s;
}

// Busiest first in the last variant (the bottleneck ranking), with each
// variant's rank, utilisation and mean wait and their changes.
Sheet agencies_sheet(const ForecastView& base, const std::vector<ForecastView>& variants, bool short_labels) {
  Sheet s;
  s.csv = "agencies_compare.csv";
  s.title = "部门瓶颈对比";
  s.notes = {"部门瓶颈排名（按利用率）、利用率与平均等待（工作日）：基准与各方案，及变化 — agency ranking by utilisation, base and variants"};
  s.header = {"agency", "name", "rank_base", "utilisation_base", "mean_wait_base"};
  s.labels = {"部门", "名称", "基准 排名", "基准 利用率", "基准 平均等待"};
  add_variant_columns(s, variants,
                      {{"rank", "排名"}, {"utilisation", "利用率"}, {"utilisation_change", "利用率变化（百分点）"},
                       {"mean_wait", "平均等待"}, {"mean_wait_change", "等待变化"}},
                      short_labels);
  auto ranks = [](const ForecastView& v) {
    std::vector<std::size_t> order(v.mc.agencies.size()), rank(order.size());
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(),
                     [&](std::size_t a, std::size_t b) { return v.mc.agencies[a].utilisation > v.mc.agencies[b].utilisation; });
    for (std::size_t i = 0; i < order.size(); ++i) rank[order[i]] = i + 1;
    return rank;
  };
  const std::vector<std::size_t> base_rank = ranks(base);
  std::vector<std::vector<std::size_t>> variant_rank;
  for (const ForecastView& v : variants) variant_rank.push_back(ranks(v));
  for (std::size_t a = 0; a < base.scenario.agencies.size(); ++a) {
    const model::Agency& ag = base.scenario.agencies[a];
    const report::AgencySummary& b = base.mc.agencies[a];
    std::vector<Cell> row{Cell::of(ag.id), Cell::of(ag.name), Cell::number(static_cast<double>(base_rank[a]), 0),
                          Cell::share(b.utilisation, 1), Cell::number(b.mean_wait, 2)};
    for (std::size_t i = 0; i < variants.size(); ++i) {
      const ForecastView& v = variants[i];
      const auto at = model::index_of_id(v.scenario.agencies, ag.id);
      if (!at) {
        row.insert(row.end(), 5, Cell::blank());
        continue;
      }
      const report::AgencySummary& x = v.mc.agencies[*at];
      row.push_back(Cell::number(static_cast<double>(variant_rank[i][*at]), 0));
      row.push_back(Cell::share(x.utilisation, 1));
      row.push_back(Cell::share(x.utilisation - b.utilisation, 1));
      row.push_back(Cell::number(x.mean_wait, 2));
      row.push_back(Cell::number(x.mean_wait - b.mean_wait, 2));
    }
    s.rows.push_back(std::move(row));
  }
  const std::size_t key = variants.empty() ? 2 : s.header.size() - 5;
  std::stable_sort(s.rows.begin(), s.rows.end(), [&](const std::vector<Cell>& x, const std::vector<Cell>& y) {
    return x[key].kind != Cell::Kind::empty && (y[key].kind == Cell::Kind::empty || x[key].value < y[key].value);
  });
  return s;
}

Sheet start_progress_sheet(const ForecastView& base, const std::vector<ForecastView>& variants, bool short_labels) {
  Sheet s;
  s.csv = "start_progress_compare.csv";
  s.title = "开工进度对比";
  s.notes = {"季度末未开工的重点项目数（均值）：基准与各方案 — key projects not yet started at each quarter's end"};
  s.header = {"period", "key_projects", "key_not_started_base"};
  s.labels = {"季度", "重点项目数", "基准 未开工"};
  add_variant_columns(s, variants, {{"key_not_started", "未开工"}, {"key_not_started_change", "变化"}}, short_labels);
  for (std::size_t q = 0; q < base.mc.periods.quarters.size(); ++q) {
    const auto c = static_cast<Eigen::Index>(q);
    std::vector<Cell> row{Cell::of(base.mc.periods.quarters[q].label), Cell::number(base.mc.key_projects, 0),
                          Cell::number(base.mc.key_not_started.col(c).mean(), 2)};
    const double b = base.mc.key_not_started.col(c).mean();
    for (const ForecastView& v : variants) {
      const bool has = c < v.mc.key_not_started.cols();
      row.push_back(has ? Cell::number(v.mc.key_not_started.col(c).mean(), 2) : Cell::blank());
      row.push_back(has ? Cell::number(v.mc.key_not_started.col(c).mean() - b, 2) : Cell::blank());
    }
    s.rows.push_back(std::move(row));
  }
  return s;
}

}  // namespace

std::vector<Sheet> side_by_side_sheets(const ForecastView& base, const std::vector<ForecastView>& variants,
                                       bool short_labels) {
  return {targets_sheet(base, variants, short_labels), agencies_sheet(base, variants, short_labels),
          start_progress_sheet(base, variants, short_labels)};
}

}  // namespace kpsim::tables
