#include "sim/tables/run_tables.hpp"
#include "sim/tables/sensitivity_table.hpp"

#include <algorithm>
#include <cmath>

#include "sim/core/decimal.hpp"
#include "sim/tables/detail_tables.hpp"
#include "sim/tables/statutory_tables.hpp"
#include "sim/core/quantile.hpp"
#include "sim/report/planner_questions.hpp"
#include "sim/report/reducer.hpp"

namespace kpsim::tables {
namespace {

using report::Distribution3;
using report::MonteCarloForecast;

// A span of reporting periods: one quarter or month, or January–February
// together where the statistics bureau publishes them as one figure.
struct Span {
  std::string label;
  Eigen::Index first = 0, last = 0;  // columns, inclusive
};

std::vector<Span> spans(const std::vector<report::Period>& periods) {
  std::vector<Span> out;
  for (std::size_t i = 0; i < periods.size(); ++i) out.push_back({periods[i].label, static_cast<Eigen::Index>(i), static_cast<Eigen::Index>(i)});
  return out;
}

std::vector<Span> release_months(const MonteCarloForecast& mc) {
  std::vector<Span> out = spans(mc.periods.months);
  if (!mc.combine_jan_feb) return out;
  for (std::size_t i = 0; i + 1 < out.size(); ++i) {
    const core::YearMonthDay ymd = (mc.periods.origin + mc.periods.months[i].begin).ymd();
    if (ymd.month == 1 && mc.periods.months[i].end == mc.periods.months[i + 1].begin) {
      out[i].label = std::to_string(ymd.year) + "-01~02";
      out[i].last = out[i + 1].last;
      out.erase(out.begin() + static_cast<std::ptrdiff_t>(i) + 1);
    }
  }
  return out;
}

Distribution3 over(const Eigen::MatrixXd& m, const Span& s) {
  const Eigen::VectorXd v = m.middleCols(s.first, s.last - s.first + 1).rowwise().sum();
  return report::describe(std::vector<double>(v.data(), v.data() + v.size()));
}

std::string unit_label(const model::Scenario& sc, const std::string& what) { return what + "（" + sc.money_unit + "）"; }

std::vector<std::string> basis_notes(const model::Scenario& sc, const MonteCarloForecast& mc, const RunTableOptions& o) {
  std::vector<std::string> notes{sc.name + " · " + sc.start.iso() + " … " + sc.end.iso()};
  if (!sc.applied_policies.empty()) {
    std::string p = "政策 policies: ";
    for (std::size_t i = 0; i < sc.applied_policies.size(); ++i) p += (i ? ", " : "") + sc.applied_policies[i];
    notes.push_back(p);
  }
  notes.push_back(o.deterministic ? "最可能工期，一次重复 (most likely durations, one replication)"
                                  : std::to_string(mc.replications) + " 次重复 replications · seed " + std::to_string(o.seed));
  if (mc.official)
    notes.push_back("统计口径：计划总投资" + core::decimal(sc.statistics->min_investment, 2) + sc.money_unit +
                    "及以上项目，入库当月起计数" + (mc.combine_jan_feb ? "，1–2月合并发布" : ""));
  else
    notes.push_back("口径：全部项目完成投资 (every project's spend)");
  if (sc.annual_plan) notes.push_back("年度计划 annual plan: " + core::decimal(*sc.annual_plan, 2) + " " + sc.money_unit);
  return notes;
}

Sheet period_sheet(const model::Scenario& sc, const MonteCarloForecast& mc, const RunTableOptions& o, bool quarters) {
  Sheet s;
  s.csv = quarters ? "forecast_quarterly.csv" : "forecast_monthly.csv";
  s.title = quarters ? "季度预测" : "月度预测";
  s.notes = basis_notes(sc, mc, o);
  s.notes.push_back("累计开工率 = 期末已开工项目 ÷ 可开工项目（开始日未在建的项目，加期内新签约项目的均值）");
  s.header = {"period", "first_day", "last_day", "investment_mean", "investment_p10", "investment_p50", "investment_p90",
              "ytd_mean", "ytd_p10", "ytd_p25", "ytd_p50", "ytd_p75", "ytd_p90", "share_of_plan", "share_p10", "share_p90",
              "projects_started", "projects_completed", "start_rate", "construction_mean", "equipment_mean", "other_mean"};
  s.labels = {quarters ? "季度" : "月份", "起", "止", unit_label(sc, "完成投资 均值"), "P10", "P50", "P90",
              unit_label(sc, "累计完成 均值"), "累计 P10", "累计 P25", "累计 P50", "累计 P75", "累计 P90", "占年度计划",
              "占计划 P10", "占计划 P90",
              "开工项目数", "竣工项目数", "累计开工率", unit_label(sc, "建筑安装工程 均值"), unit_label(sc, "设备工器具购置 均值"),
              unit_label(sc, "其他费用 均值")};
  const auto& periods = quarters ? mc.periods.quarters : mc.periods.months;
  const Eigen::MatrixXd& investment = quarters ? mc.quarter_investment : mc.month_investment;
  const Eigen::MatrixXd& ytd = quarters ? mc.quarter_ytd : mc.month_ytd;
  const Eigen::MatrixXd& started = quarters ? mc.quarter_started : mc.month_started;
  const Eigen::MatrixXd& completed = quarters ? mc.quarter_completed : mc.month_completed;
  const auto& parts = quarters ? mc.quarter_part : mc.month_part;
  const double plan = sc.annual_plan.value_or(report::kNever);
  double started_so_far = 0;
  for (const Span& span : quarters ? spans(periods) : release_months(mc)) {
    const Distribution3 inv = over(investment, span);
    const Distribution3 cum = report::column_stats(ytd, span.last);
    std::vector<double> cum_sample(ytd.col(span.last).data(), ytd.col(span.last).data() + ytd.rows());
    const double cum_p25 = core::quantile(cum_sample, 0.25), cum_p75 = core::quantile(cum_sample, 0.75);
    const double n_started = started.middleCols(span.first, span.last - span.first + 1).sum() / mc.replications;
    const double n_completed = completed.middleCols(span.first, span.last - span.first + 1).sum() / mc.replications;
    started_so_far += n_started;
    s.rows.push_back({Cell::of(span.label), Cell::day(mc.periods.origin + periods[static_cast<std::size_t>(span.first)].begin),
                      Cell::day(mc.periods.origin + (periods[static_cast<std::size_t>(span.last)].end - 1)),
                      Cell::money(inv.mean), Cell::money(inv.p10), Cell::money(inv.p50), Cell::money(inv.p90),
                      Cell::money(cum.mean), Cell::money(cum.p10), Cell::money(cum_p25), Cell::money(cum.p50),
                      Cell::money(cum_p75), Cell::money(cum.p90),
                      Cell::share(cum.mean / plan, 2), Cell::share(cum.p10 / plan, 2), Cell::share(cum.p90 / plan, 2),
                      Cell::number(n_started, 3), Cell::number(n_completed, 3),
                      Cell::share(mc.start_candidates > 0 ? started_so_far / mc.start_candidates : report::kNever, 2),
                      Cell::money(over(parts[0], span).mean), Cell::money(over(parts[1], span).mean),
                      Cell::money(over(parts[2], span).mean)});
  }
  return s;
}

// Projects not under construction at the start that have not started by
// each quarter's end: "how many key projects are still in procedures".
Sheet start_progress_sheet(const MonteCarloForecast& mc) {
  Sheet s;
  s.csv = "start_progress.csv";
  s.title = "开工进度";
  s.notes = {"未开工（仍在前期手续阶段）的项目数，季度末 — projects not yet started at each quarter's end"};
  s.header = {"period", "key_projects", "key_not_started_mean", "key_not_started_p10", "key_not_started_p90",
              "key_share_not_started", "not_started_mean", "not_started_p10", "not_started_p90"};
  s.labels = {"季度", "重点项目数", "未开工重点项目 均值", "P10", "P90", "占重点项目", "未开工项目 均值", "P10", "P90"};
  for (std::size_t q = 0; q < mc.periods.quarters.size(); ++q) {
    const auto c = static_cast<Eigen::Index>(q);
    const Distribution3 key = report::column_stats(mc.key_not_started, c), all = report::column_stats(mc.not_started, c);
    s.rows.push_back({Cell::of(mc.periods.quarters[q].label), Cell::number(mc.key_projects, 0), Cell::number(key.mean, 2),
                      Cell::number(key.p10, 0), Cell::number(key.p90, 0),
                      Cell::share(mc.key_projects > 0 ? key.mean / mc.key_projects : report::kNever, 1),
                      Cell::number(all.mean, 2), Cell::number(all.p10, 0), Cell::number(all.p90, 0)});
  }
  return s;
}

// The year's plan by project category (续建, 新开工, …): the year-to-date
// investment at each quarter's end against the category's planned amount.
Sheet category_sheet(const model::Scenario& sc, const MonteCarloForecast& mc) {
  Sheet s;
  s.csv = "categories.csv";
  s.title = "项目类别";
  s.notes = {"按项目类别的年度计划完成情况 — the plan by project category (year to date at each quarter's end)"};
  s.header = {"category", "projects", "plan"};
  s.labels = {"类别", "项目数", unit_label(sc, "年度计划")};
  for (const auto& q : mc.periods.quarters) {
    s.header.push_back(q.label + "_ytd_mean");
    s.header.push_back(q.label + "_share_of_plan");
    s.labels.push_back(q.label + " 累计完成");
    s.labels.push_back(q.label + " 占计划");
  }
  s.header.insert(s.header.end(), {"construction_in_horizon", "equipment_in_horizon", "other_in_horizon"});
  s.labels.insert(s.labels.end(), {unit_label(sc, "期内 建筑安装工程"), unit_label(sc, "设备工器具购置"), unit_label(sc, "其他费用")});
  for (std::size_t c = 0; c < mc.category_names.size(); ++c) {
    double projects = 0;
    for (std::uint16_t pc : mc.project_category) projects += pc == c;
    std::vector<Cell> row{Cell::of(mc.category_names[c]), projects > 0 ? Cell::number(projects, 0) : Cell::blank(),
                          Cell::money(mc.category_plan[c])};
    for (Eigen::Index q = 0; q < mc.category_quarter_ytd[c].cols(); ++q) {
      const double ytd = mc.category_quarter_ytd[c].col(q).mean();
      row.push_back(Cell::money(ytd));
      row.push_back(mc.category_plan[c] > 0 ? Cell::share(ytd / mc.category_plan[c], 1) : Cell::blank());
    }
    for (double part : mc.category_part_mean[c]) row.push_back(Cell::money(part));
    s.rows.push_back(std::move(row));
  }
  return s;
}

// A date, or blank when it is unknown or after the horizon (or never): a
// date column holds only dates, so that it sorts and filters; which
// quantiles lie beyond the end, beyond_horizon says.
Cell day_of(const model::Scenario& sc, double day) {
  if (std::isnan(day) || std::isinf(day)) return Cell::blank();
  return Cell::day(sc.start + static_cast<std::int32_t>(std::lround(day)));
}

// "P50, P90": the quantiles after the horizon's end (or never reached).
Cell beyond_horizon(const std::array<double, 3>& q) {
  static const char* const names[] = {"P10", "P50", "P90"};
  std::string s;
  for (std::size_t i = 0; i < q.size(); ++i)
    if (std::isinf(q[i])) s += (s.empty() ? "" : ", ") + std::string(names[i]);
  return s.empty() ? Cell::blank() : Cell::of(s);
}

Cell class_cell(model::ProjectClass c) {
  return Cell::choice(std::string(model::to_string(c)), c == model::ProjectClass::key ? "重点" : "一般");
}

Cell kind_cell(model::ProjectKind k) {
  const char* shown = k == model::ProjectKind::government ? "政府投资" : k == model::ProjectKind::enterprise ? "企业投资" : "工业项目";
  return Cell::choice(std::string(model::to_string(k)), shown);
}

Cell held_cell(const model::Scenario& sc, const engine::Network& net, std::uint32_t task) {
  return task == report::ProjectResult::kNoTask ? Cell::blank() : Cell::of(step_label(sc, net, task));
}

Cell phase_at_start(const engine::Network& net, std::uint32_t p) {
  if (net.project_under_construction[p]) return Cell::choice("under_construction", "在建");
  for (std::uint32_t t = net.project_begin[p]; t < net.project_begin[p + 1]; ++t)
    if (net.tasks[t].before_construction && !net.tasks[t].done_at_start) return Cell::choice("preparation", "前期");
  return Cell::choice("approved", "已批待开工");
}

Sheet projects_sheet(const model::Scenario& sc, const engine::Network& net, const MonteCarloForecast& mc) {
  Sheet s;
  s.csv = "projects.csv";
  s.title = "项目明细";
  s.header = {"id", "name", "template", "class", "kind", "district", "category", "investment", "plan", "phase_at_start",
              "mean_approval_finish", "p_start_in_horizon", "mean_start", "start_p10", "start_p50", "start_p90",
              "start_beyond_horizon", "start_target", "p_start_target_missed", "held_start_step", "mean_completion",
              "completion_p10", "completion_p50", "completion_p90", "completion_beyond_horizon", "completion_target",
              "p_completion_target_missed",
              "held_completion_step", "investment_in_horizon_mean", "construction_in_horizon_mean",
              "equipment_in_horizon_mean", "other_in_horizon_mean"};
  s.labels = {"项目编号", "项目名称", "模板", "等级", "类型", "区县", "类别", unit_label(sc, "总投资"),
              unit_label(sc, "年度计划"), "年初状态", "审批完成（均值）", "期内开工概率", "开工（均值）", "开工 P10",
              "开工 P50", "开工 P90", "开工晚于期末的分位", "开工目标", "未按期开工概率", "最常卡在（开工）", "竣工（均值）",
              "竣工 P10", "竣工 P50", "竣工 P90", "竣工晚于期末的分位", "竣工目标", "未按期竣工概率", "最常卡在（竣工）",
              unit_label(sc, "期内完成投资"),
              unit_label(sc, "其中 建安工程"), unit_label(sc, "设备工器具购置"), unit_label(sc, "其他费用")};
  for (std::uint32_t p = 0; p < net.fixed_projects; ++p) {
    const model::Project& pr = sc.projects[p];
    const report::ProjectStats& st = mc.projects[p];
    const bool begun = net.project_under_construction[p];
    s.rows.push_back({Cell::of(pr.id), Cell::of(pr.name), Cell::of(pr.template_id), class_cell(pr.project_class),
                      kind_cell(pr.kind),
                      Cell::of(pr.district), Cell::of(mc.category_names[mc.project_category[p]]), Cell::money(pr.investment),
                      Cell::money(pr.plan.value_or(report::kNever)), phase_at_start(net, p),
                      day_of(sc, st.mean_approval_finish_day), begun ? Cell::blank() : Cell::share(st.p_start_in_horizon, 2),
                      day_of(sc, st.mean_start_day), day_of(sc, st.start_quantiles[0]), day_of(sc, st.start_quantiles[1]),
                      day_of(sc, st.start_quantiles[2]), beyond_horizon(st.start_quantiles),
                      pr.start_target ? Cell::day(*pr.start_target) : Cell::blank(),
                      Cell::share(st.p_start_target_missed, 2), held_cell(sc, net, st.held_start_task),
                      day_of(sc, st.mean_completion_day), day_of(sc, st.completion_quantiles[0]),
                      day_of(sc, st.completion_quantiles[1]), day_of(sc, st.completion_quantiles[2]),
                      beyond_horizon(st.completion_quantiles), pr.completion_target ? Cell::day(*pr.completion_target) : Cell::blank(),
                      Cell::share(st.p_completion_target_missed, 2), held_cell(sc, net, st.held_completion_task),
                      Cell::money(st.mean_investment_in_horizon), Cell::money(st.mean_part_in_horizon[0]),
                      Cell::money(st.mean_part_in_horizon[1]), Cell::money(st.mean_part_in_horizon[2])});
  }
  return s;
}

// Projects whose probability of missing a target reaches the threshold,
// worst first, with the step that most often held them.
Sheet at_risk_sheet(const model::Scenario& sc, const engine::Network& net, const MonteCarloForecast& mc) {
  Sheet s;
  s.csv = "at_risk.csv";
  s.title = "风险项目";
  s.notes = {"未按期开工或竣工概率 ≥ " + core::decimal(100 * sc.at_risk_threshold, 0) +
             "% 的项目 — projects missing a target with at least this probability"};
  s.header = {"project", "name", "class", "target", "target_date", "p_miss", "p50", "p90", "beyond_horizon", "held_by_step",
              "held_share"};
  s.labels = {"项目编号", "项目名称", "等级", "目标", "目标日期", "未按期概率", "预计 P50", "预计 P90", "晚于期末的分位",
              "最常卡在", "占未按期次数"};
  for (const report::TargetAtRisk& e : report::targets_at_risk(mc, sc.at_risk_threshold)) {
    const model::Project& pr = sc.projects[e.project];
    const report::ProjectStats& st = mc.projects[e.project];
    const bool start = e.target == report::Target::start;
    const auto& q = start ? st.start_quantiles : st.completion_quantiles;
    s.rows.push_back({Cell::of(pr.id), Cell::of(pr.name), class_cell(pr.project_class),
                      Cell::of(start ? "开工 start" : "竣工 completion"),
                      Cell::day(start ? *pr.start_target : *pr.completion_target), Cell::share(e.p_miss, 1),
                      day_of(sc, q[1]), day_of(sc, q[2]), beyond_horizon({report::kNever, q[1], q[2]}),
                      held_cell(sc, net, report::held_task(st, e.target)),
                      Cell::share(report::held_share(st, e.target), 0)});
  }
  return s;
}

Sheet agencies_sheet(const model::Scenario& sc, const MonteCarloForecast& mc) {
  Sheet s;
  s.csv = "agencies.csv";
  s.title = "部门瓶颈";
  s.notes = {"审批部门负荷，按利用率排序 — agencies, busiest first (inside the horizon)"};
  s.header = {"id", "name", "capacity", "utilisation", "mean_queue", "mean_max_queue", "max_queue", "mean_wait_days",
              "served_per_replication", "share_over_limit", "mean_excess_days", "deemed_per_replication"};
  s.labels = {"部门", "名称", "审批人员（并行件数）", "利用率", "平均排队件数", "最长排队（均值）", "最长排队",
              "平均等待（工作日）", "办件数", "超时限比例", "超时工作日（均值）", "默认通过件数"};
  for (std::size_t i : report::agencies_busiest_first(mc)) {
    const model::Agency& a = sc.agencies[i];
    const report::AgencySummary& st = mc.agencies[i];
    s.rows.push_back({Cell::of(a.id), Cell::of(a.name), Cell::number(a.capacity, 0), Cell::share(st.utilisation, 2),
                      Cell::number(st.mean_queue, 3), Cell::number(st.mean_max_queue, 3), Cell::number(st.max_queue, 0),
                      Cell::number(st.mean_wait, 2), Cell::number(st.served, 2), Cell::share(st.share_over_limit, 2),
                      Cell::number(st.mean_excess, 2), Cell::number(st.deemed, 2)});
  }
  return s;
}

Sheet agency_months_sheet(const model::Scenario& sc, const MonteCarloForecast& mc) {
  Sheet s;
  s.csv = "agency_months.csv";
  s.title = "部门月度利用率";
  s.notes = {"各部门每月利用率（在办件数 / 审批人员，按工作日） — agency utilisation by month"};
  s.header = {"id", "name"};
  s.labels = {"部门", "名称"};
  for (const auto& m : mc.periods.months) s.header.push_back(m.label), s.labels.push_back(m.label);
  for (std::size_t i : report::agencies_busiest_first(mc)) {
    std::vector<Cell> row{Cell::of(sc.agencies[i].id), Cell::of(sc.agencies[i].name)};
    for (Eigen::Index m = 0; m < mc.agency_month_utilisation.cols(); ++m)
      row.push_back(Cell::share(mc.agency_month_utilisation(static_cast<Eigen::Index>(i), m), 2));
    s.rows.push_back(std::move(row));
  }
  return s;
}

Sheet approval_sheet(const MonteCarloForecast& mc) {
  Sheet s;
  s.csv = "approval_times.csv";
  s.title = "审批用时";
  s.notes = {"全流程审批用时（工作日，至开工前最后一项审批）：实际经历 elapsed，及法定时限口径 statutory_clock（不含专家评审、听证、公示、技术评估）",
             "起算 start_or_entry：在模拟中有审批环节的每个项目，开始日已在办的从开始日起算；entry：全部审批在模拟中办理的项目，从进入起算",
             "样本数：项目×重复次数；每次重复：平均每次重复计入的项目数"};
  s.header = {"class", "from", "measure", "samples", "projects_per_replication", "mean_days", "p10_days", "p50_days", "p90_days"};
  s.labels = {"项目", "起算", "口径", "样本数", "每次重复", "均值", "P10", "P50", "P90"};
  const std::tuple<const char*, const char*, const Distribution3 report::ApprovalTime::*> groups[] = {
      {"key", "重点", &report::ApprovalTime::key}, {"normal", "一般", &report::ApprovalTime::normal},
      {"all", "全部", &report::ApprovalTime::all}};
  const std::tuple<report::ApprovalMeasure, bool, bool> measures[] = {  // (measure, from the start date, on the clock)
      {report::from_start, true, false}, {report::from_start_clock, true, true},
      {report::from_entry, false, false}, {report::from_entry_clock, false, true}};
  for (const auto& [m, from_start, clock] : measures)
    for (const auto& [name, shown, group] : groups) {
      const Distribution3& d = mc.approval[m].*group;
      s.rows.push_back({Cell::choice(name, shown),
                        from_start ? Cell::choice("start_or_entry", "开始日或进入") : Cell::choice("entry", "进入"),
                        clock ? Cell::choice("statutory_clock", "法定时限口径") : Cell::choice("elapsed", "实际经历"),
                        Cell::number(static_cast<double>(d.n), 0),
                        Cell::number(static_cast<double>(d.n) / std::max(mc.replications, 1), 1), Cell::number(d.mean, 2),
                        Cell::number(d.p10, 2), Cell::number(d.p50, 2), Cell::number(d.p90, 2)});
    }
  return s;
}

}  // namespace

std::string step_label(const model::Scenario& sc, const engine::Network& net, std::uint32_t task) {
  const engine::Task& t = net.tasks[task];
  const model::Step& step = sc.templates[net.project_template[t.project]].steps[t.step];
  std::string label = step.name.empty() ? step.id : step.name;
  if (const model::Agency* a = step.agency.empty() ? nullptr : sc.find_agency(step.agency)) label += "（" + a->name + "）";
  return label;
}

std::vector<Sheet> run_sheets(const model::Scenario& sc, const engine::Network& net, const MonteCarloForecast& mc,
                              const RunTableOptions& o) {
  std::vector<Sheet> sheets;
  sheets.push_back(period_sheet(sc, mc, o, true));
  sheets.push_back(period_sheet(sc, mc, o, false));
  sheets.push_back(start_progress_sheet(mc));
  sheets.push_back(category_sheet(sc, mc));
  sheets.push_back(at_risk_sheet(sc, net, mc));
  sheets.push_back(agencies_sheet(sc, mc));
  sheets.push_back(agency_months_sheet(sc, mc));
  sheets.push_back(approval_sheet(mc));
  sheets.push_back(project_statutory_sheet(sc));
  sheets.push_back(projects_sheet(sc, net, mc));
  sheets.push_back(land_sheet(sc, mc));
  sheets.push_back(risks_sheet(sc, mc));
  sheets.push_back(arrivals_sheet(sc, mc));
  sheets.push_back(criticality_sheet(sc, net, mc));
  sheets.push_back(sensitivity_sheet(sc, net, mc));
  return sheets;
}

}  // namespace kpsim::tables
