#include "sim/tables/compare_tables.hpp"

namespace kpsim::tables {

// One workbook sheet per metric family, every variant's rows in it.
std::vector<Sheet> compare_sheets(const std::vector<report::Comparison>& comparisons, const CompareInfo& info) {
  struct Family {
    const char* title;
    const char* note;
    bool (*has)(const std::string& metric);
  };
  const Family families[] = {
      {"完成投资差异", "完成投资（方案 − 基准），每季度及全年", [](const std::string& m) { return m == "investment"; }},
      {"开工率差异", "累计开工率（方案 − 基准）", [](const std::string& m) { return m == "start_rate"; }},
      {"审批用时差异", "全流程审批工作日：实际经历 elapsed / 法定时限口径 statutory clock",
       [](const std::string& m) { return m.rfind("approval_", 0) == 0; }},
      {"部门等待差异", "各部门平均排队等待（工作日）", [](const std::string& m) { return m.rfind("wait:", 0) == 0; }},
  };
  std::vector<Sheet> sheets;
  for (const Family& f : families) {
    Sheet s;
    s.title = f.title;
    s.notes = {f.note, std::to_string(info.replications) + " 次重复，共同随机数 common random numbers · seed " +
                           std::to_string(info.seed) + " · " + info.money_unit};
    s.header = {"variant", "metric", "period", "base_mean", "variant_mean", "diff_mean", "diff_ci90_low",
                "diff_ci90_high", "diff_p05", "diff_p95"};
    s.labels = {"方案", "指标", "时段", "基准", "方案值", "差值", "差值90%区间下限", "上限", "P5", "P95"};
    for (const report::Comparison& c : comparisons)
      for (const report::PairedStat& st : c.rows) {
        if (!f.has(st.metric)) continue;
        auto value = [&](double x) {
          return st.metric == "start_rate" ? Cell::share(x, 1) : Cell::number(x, st.metric == "investment" ? 4 : 2);
        };
        s.rows.push_back({Cell::of(c.variant), Cell::of(st.metric), Cell::of(st.period), value(st.base_mean),
                          value(st.variant_mean), value(st.diff_mean), value(st.ci90_low), value(st.ci90_high),
                          value(st.p05), value(st.p95)});
      }
    sheets.push_back(std::move(s));
  }
  return sheets;
}

}  // namespace kpsim::tables
