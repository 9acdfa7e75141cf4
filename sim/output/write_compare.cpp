#include "sim/output/write_compare.hpp"

#include <cmath>
#include <optional>
#include <nlohmann/json.hpp>

#include "sim/output/csv_sheet.hpp"
#include "sim/output/csv_writer.hpp"
#include "sim/tables/compare_tables.hpp"
#include "sim/output/text_table.hpp"
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

// Investment in the money unit, rates in percent, days as they are.
std::string shown(const report::PairedStat& s, double x) {
  if (std::isnan(x)) return "";
  if (s.metric == "start_rate") return fixed(100 * x, 1) + "%";
  return fixed(x, 2);
}

std::string interval(const report::PairedStat& s, double lo, double hi) {
  if (std::isnan(lo)) return "";
  return "[" + shown(s, lo) + ", " + shown(s, hi) + "]";
}

std::string metric_title(const std::string& metric, const std::string& unit) {
  if (metric == "investment") return "completed investment (" + unit + ")";
  if (metric == "start_rate") return "start rate, cumulative";
  if (metric == "approval_days") return "approval working days from entry, elapsed";
  if (metric == "approval_clock_days") return "approval working days from entry, statutory clock";
  if (metric == "approval_days_since_start") return "approval working days from the start date or entry, elapsed";
  if (metric == "approval_clock_days_since_start") return "approval working days from the start date or entry, statutory clock";
  if (metric.rfind("wait:", 0) == 0) return "mean wait at " + metric.substr(5) + " (wd)";
  return metric;
}

}  // namespace

void write_compare(ResultFolder& files, const std::vector<report::Comparison>& comparisons,
                   const std::vector<Sheet>& side_by_side, const CompareInfo& info) {
  std::ostream& csv = files.add("compare.csv");
  write_csv_row(csv, {"base", "variant", "metric", "period", "replications", "base_mean", "variant_mean", "diff_mean",
                      "diff_ci90_low", "diff_ci90_high", "diff_p05", "diff_p95"});
  Json doc;
  doc["kpsim_version"] = KPSIM_VERSION;
  doc["method"] = "paired differences over replications with common random numbers";
  doc["seed"] = info.seed;
  doc["replications"] = info.replications;
  doc["money_unit"] = info.money_unit;
  Json list = Json::array();
  for (const report::Comparison& c : comparisons) {
    Json rows = Json::array();
    for (const report::PairedStat& s : c.rows) {
      write_csv_row(csv, {csv_text(c.base), csv_text(c.variant), s.metric, s.period, std::to_string(s.n),
                          csv_number(s.base_mean), csv_number(s.variant_mean), csv_number(s.diff_mean),
                          csv_number(s.ci90_low), csv_number(s.ci90_high), csv_number(s.p05), csv_number(s.p95)});
      rows.push_back({{"metric", s.metric}, {"period", s.period}, {"replications", s.n}, {"base_mean", number(s.base_mean)},
                      {"variant_mean", number(s.variant_mean)}, {"diff_mean", number(s.diff_mean)},
                      {"diff_ci90", {number(s.ci90_low), number(s.ci90_high)}}, {"diff_p05", number(s.p05)},
                      {"diff_p95", number(s.p95)}});
    }
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

void print_compare_tables(std::ostream& out, const std::vector<report::Comparison>& comparisons, const CompareInfo& info) {
  using A = TextTable::Align;
  for (const report::Comparison& c : comparisons) {
    out << "kpsim compare · " << info.replications << " replications, common random numbers (seed " << info.seed << ")\n"
        << "  base:    " << c.base << "\n  variant: " << c.variant << "\n";
    std::string metric;
    std::optional<TextTable> table;
    auto flush = [&] {
      if (table) table->print(out);
    };
    for (const report::PairedStat& s : c.rows) {
      if (s.metric != metric) {
        flush();
        metric = s.metric;
        out << '\n' << metric_title(metric, info.money_unit) << '\n';
        table.emplace(std::vector<std::pair<std::string, TextTable::Align>>{{"period", A::left}, {"base", A::right}, {"variant", A::right},
                                                     {"difference", A::right}, {"90% interval", A::right},
                                                     {"P5 … P95 of pairs", A::right}});
      }
      table->add_row({s.period, shown(s, s.base_mean), shown(s, s.variant_mean), shown(s, s.diff_mean),
                      interval(s, s.ci90_low, s.ci90_high), interval(s, s.p05, s.p95)});
    }
    flush();
    out << '\n';
  }
}

}  // namespace kpsim::output
