#include "sim/tables/compare_tables.hpp"

namespace kpsim::tables {

std::string agency_name(const CompareInfo& info, const std::string& id) {
  for (const auto& [agency, name] : info.agency_names)
    if (agency == id) return name;
  return id;
}

std::string metric_label(const std::string& metric, const CompareInfo& info) {
  if (metric.size() > 4 && metric.compare(metric.size() - 4, 4, ":key") == 0)
    return "重点项目 " + metric_label(metric.substr(0, metric.size() - 4), info);
  if (metric == "investment") return "完成投资（" + info.money_unit + "）";
  if (metric == "share_of_plan") return "累计完成占年度计划";
  if (metric == "start_rate") return "累计开工率";
  if (metric == "key_started") return "累计开工重点项目数";
  if (metric == "approval_days_since_start") return "审批用时·自开始日或进入起算·实际经历（工作日）";
  if (metric == "approval_clock_days_since_start") return "审批用时·自开始日或进入起算·法定时限口径（工作日）";
  if (metric == "approval_days") return "审批用时·全流程在模拟内的项目·实际经历（工作日）";
  if (metric == "approval_clock_days") return "审批用时·全流程在模拟内的项目·法定时限口径（工作日）";
  if (metric.rfind("wait:", 0) == 0) return agency_name(info, metric.substr(5)) + " 平均等待（工作日）";
  return metric;
}

// One workbook sheet per metric family, every variant's rows in it.
std::vector<Sheet> compare_sheets(const std::vector<report::Comparison>& comparisons, const CompareInfo& info) {
  struct Family {
    const char* title;
    std::string note;
    bool (*has)(const std::string& metric);
  };
  const Family families[] = {
      {"完成投资差异", "完成投资（方案 − 基准），每季度及全年 · " + info.money_unit,
       [](const std::string& m) { return m == "investment"; }},
      {"计划完成差异", "季度末累计完成投资占年度计划的比例（方案 − 基准，百分点）",
       [](const std::string& m) { return m == "share_of_plan"; }},
      {"开工率差异", "累计开工率（方案 − 基准，百分点）：已开工项目 ÷ 可开工项目（开始日未在建的项目，加期内新签约项目的均值）",
       [](const std::string& m) { return m == "start_rate"; }},
      {"重点项目开工差异", "累计开工的重点项目数（开始日未在建的重点项目中；方案 − 基准）",
       [](const std::string& m) { return m == "key_started"; }},
      {"审批用时差异", "全流程审批工作日（方案 − 基准）：实际经历 / 法定时限口径",
       [](const std::string& m) { return m.rfind("approval_", 0) == 0; }},
      {"部门等待差异", "各部门平均排队等待（工作日，方案 − 基准）", [](const std::string& m) { return m.rfind("wait:", 0) == 0; }},
  };
  std::vector<Sheet> sheets;
  for (const Family& f : families) {
    Sheet s;
    s.title = f.title;
    s.notes = {f.note, std::to_string(info.replications) + " 次重复，共同随机数 common random numbers · seed " +
                           std::to_string(info.seed)};
    s.header = {"variant", "metric", "metric_name", "period", "base_mean", "variant_mean", "diff_mean", "diff_ci90_low",
                "diff_ci90_high", "diff_p05", "diff_p95"};
    s.labels = {"方案", "指标", "指标名称", "时段", "基准", "方案值", "差值", "差值90%区间下限", "上限", "P5", "P95"};
    for (const report::Comparison& c : comparisons)
      for (const report::PairedStat& st : c.rows) {
        if (!f.has(st.metric)) continue;
        const bool share = st.metric == "start_rate" || st.metric == "share_of_plan";
        auto value = [&](double x) { return share ? Cell::share(x, 1) : Cell::number(x, 2); };
        s.rows.push_back({Cell::of(c.variant), Cell::of(st.metric), Cell::of(metric_label(st.metric, info)),
                          Cell::of(st.period), value(st.base_mean), value(st.variant_mean),
                          value(st.diff_mean), value(st.ci90_low), value(st.ci90_high), value(st.p05), value(st.p95)});
      }
    if (!s.rows.empty()) sheets.push_back(std::move(s));
  }
  return sheets;
}

}  // namespace kpsim::tables
