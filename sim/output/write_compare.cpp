#include "sim/output/write_compare.hpp"

#include <cmath>
#include <nlohmann/json.hpp>

#include "sim/output/csv_sheet.hpp"
#include "sim/output/csv_writer.hpp"
#include "sim/tables/compare_tables.hpp"
#include "sim/output/write_xlsx.hpp"

namespace kpsim::output {

using tables::Cell;
using tables::Sheet;
namespace {

using Json = nlohmann::ordered_json;

Json number(double x) {
  if (std::isnan(x)) return nullptr;
  return std::round(x * 1e6) / 1e6;
}

}  // namespace

void write_compare_csv(std::ostream& csv, const std::vector<report::Comparison>& comparisons) {
  write_csv_row(csv, {"base", "variant", "metric", "period", "replications", "base_mean", "variant_mean", "diff_mean",
                      "diff_ci90_low", "diff_ci90_high", "diff_p05", "diff_p95"});
  for (const report::Comparison& c : comparisons)
    for (const report::PairedStat& s : c.rows)
      write_csv_row(csv, {csv_text(c.base), csv_text(c.variant), s.metric, s.period, std::to_string(s.n),
                          csv_number(s.base_mean), csv_number(s.variant_mean), csv_number(s.diff_mean),
                          csv_number(s.ci90_low), csv_number(s.ci90_high), csv_number(s.p05), csv_number(s.p95)});
}

void write_compare(ResultFolder& files, const std::vector<report::Comparison>& comparisons,
                   const std::vector<Sheet>& side_by_side, const CompareInfo& info) {
  write_compare_csv(files.add("compare.csv"), comparisons);
  Json doc;
  doc["kpsim_version"] = KPSIM_VERSION;
  doc["method"] = "paired differences over replications with common random numbers";
  doc["seed"] = info.seed;
  doc["replications"] = info.replications;
  doc["money_unit"] = info.money_unit;
  Json list = Json::array();
  for (const report::Comparison& c : comparisons) {
    Json rows = Json::array();
    for (const report::PairedStat& s : c.rows)
      rows.push_back({{"metric", s.metric}, {"period", s.period}, {"replications", s.n}, {"base_mean", number(s.base_mean)},
                      {"variant_mean", number(s.variant_mean)}, {"diff_mean", number(s.diff_mean)},
                      {"diff_ci90", {number(s.ci90_low), number(s.ci90_high)}}, {"diff_p05", number(s.p05)},
                      {"diff_p95", number(s.p95)}});
    list.push_back({{"base", c.base}, {"variant", c.variant}, {"rows", rows}});
  }
  doc["comparisons"] = list;
  files.add("compare.json") << doc.dump(2) << '\n';
  std::vector<Sheet> sheets = tables::compare_sheets(comparisons, info);
  for (const Sheet& s : side_by_side) {
    write_sheet_csv(files.add(s.csv), s);
    sheets.push_back(s);
  }
  write_xlsx(files.add("report.xlsx"), sheets, files.staging());
  files.commit();
}

}  // namespace kpsim::output
