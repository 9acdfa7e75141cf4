#include "sim/output/compare_console.hpp"

#include <algorithm>
#include <cmath>
#include <iterator>
#include <map>

#include "sim/output/sheet_text.hpp"
#include "sim/output/text_table.hpp"

namespace kpsim::output {
namespace {

using A = TextTable::Align;

std::string number(double x) { return std::isnan(x) ? "" : fixed(x, 2); }
std::string signed_number(double x) { return std::isnan(x) ? "" : (x > 0 ? "+" : "") + fixed(x, 2); }
std::string percent(double x) { return std::isnan(x) ? "" : fixed(100 * x, 1) + "%"; }
std::string points(double x) { return std::isnan(x) ? "" : (x > 0 ? "+" : "") + fixed(100 * x, 1) + " pts"; }
std::string interval(double lo, double hi, double scale = 1) {
  if (std::isnan(lo)) return "";
  return "[" + fixed(scale * lo, scale == 1 ? 2 : 1) + ", " + fixed(scale * hi, scale == 1 ? 2 : 1) + "]";
}

// The comparison's rows by metric, in their order.
std::map<std::string, std::vector<const report::PairedStat*>> by_metric(const report::Comparison& c) {
  std::map<std::string, std::vector<const report::PairedStat*>> m;
  for (const report::PairedStat& s : c.rows) m[s.metric].push_back(&s);
  return m;
}

void print_investment(std::ostream& out, const std::map<std::string, std::vector<const report::PairedStat*>>& rows,
                      const tables::ForecastView& base, const tables::CompareInfo& info) {
  const auto& inv = rows.at("investment");
  const auto shares = rows.find("share_of_plan");
  out << "\nCompleted investment (" << info.money_unit << ")";
  if (base.scenario.annual_plan)
    out << " and the year to date as a share of the annual plan (" << fixed(*base.scenario.annual_plan, 2) << " "
        << info.money_unit << ")";
  out << '\n';
  TextTable t({{"period", A::left}, {"base", A::right}, {"variant", A::right}, {"difference", A::right},
               {"90% interval", A::right}, {"of plan: base", A::right}, {"variant", A::right}, {"change", A::right}});
  for (const report::PairedStat* s : inv) {
    std::vector<std::string> row{s->period, number(s->base_mean), number(s->variant_mean), signed_number(s->diff_mean),
                                 interval(s->ci90_low, s->ci90_high), "", "", ""};
    if (shares != rows.end()) {
      // A year's share is its last quarter's.
      const report::PairedStat* share = nullptr;
      for (const report::PairedStat* q : shares->second)
        if (q->period == s->period || (q->period.rfind(s->period, 0) == 0 && q->period.size() > s->period.size())) share = q;
      if (share) row[5] = percent(share->base_mean), row[6] = percent(share->variant_mean), row[7] = points(share->diff_mean);
    }
    t.add_row(row);
  }
  t.print(out);
}

void print_rates(std::ostream& out, const std::vector<const report::PairedStat*>& rows) {
  out << "\nStart rate, cumulative (started ÷ projects that could start)\n";
  TextTable t({{"period", A::left}, {"base", A::right}, {"variant", A::right}, {"change", A::right}, {"90% interval (pts)", A::right}});
  for (const report::PairedStat* s : rows)
    t.add_row({s->period, percent(s->base_mean), percent(s->variant_mean), points(s->diff_mean),
               interval(s->ci90_low, s->ci90_high, 100)});
  t.print(out);
}

void print_approval(std::ostream& out, const std::map<std::string, std::vector<const report::PairedStat*>>& rows) {
  out << "\nRealised approval working days to the last approval before construction\n";
  TextTable t({{"measured", A::left}, {"base", A::right}, {"variant", A::right}, {"difference", A::right}, {"90% interval", A::right}});
  const std::pair<const char*, const char*> measures[] = {
      {"approval_days_since_start", "all, from the start date or entry, elapsed"},
      {"approval_clock_days_since_start", "all, from the start date or entry, statutory clock"},
      {"approval_days_since_start:key", "key projects, from the start date or entry, elapsed"},
      {"approval_clock_days_since_start:key", "key projects, from the start date or entry, statutory clock"},
      {"approval_days", "all, whole procedure in the run, elapsed"},
      {"approval_clock_days", "all, whole procedure in the run, statutory clock"}};
  for (const auto& [metric, label] : measures)
    if (const auto it = rows.find(metric); it != rows.end())
      for (const report::PairedStat* s : it->second)
        t.add_row({label, number(s->base_mean), number(s->variant_mean), signed_number(s->diff_mean),
                   interval(s->ci90_low, s->ci90_high)});
  t.print(out);
}

// Counts first; then every target fixed or newly at risk, and the targets
// still missed whose probability moved most (the full list is in
// targets_compare.csv and the workbook).
void print_targets(std::ostream& out, tables::Sheet targets, double threshold) {
  constexpr std::size_t kStillMissedShown = 15;
  out << "\nTargets missed with probability " << percent(threshold) << " or more, in the base or the variant\n";
  const std::size_t status = targets.header.size() - 2, change = targets.header.size() - 3;
  std::size_t still = 0, fixed_count = 0, fresh = 0;
  for (const auto& row : targets.rows) {
    const std::string& s = row[status].text;
    still += s.rfind("仍未达标", 0) == 0, fixed_count += s.rfind("已解决", 0) == 0, fresh += s.rfind("新增", 0) == 0;
  }
  out << "still missed " << still << ", fixed " << fixed_count << ", new " << fresh << '\n';
  if (targets.rows.empty()) return;
  std::vector<std::vector<tables::Cell>> shown, missed;
  for (auto& row : targets.rows) (row[status].text.rfind("仍未达标", 0) == 0 ? missed : shown).push_back(std::move(row));
  std::stable_sort(missed.begin(), missed.end(),
                   [&](const auto& a, const auto& b) { return std::abs(a[change].value) > std::abs(b[change].value); });
  const std::size_t left_out = missed.size() > kStillMissedShown ? missed.size() - kStillMissedShown : 0;
  missed.resize(missed.size() - left_out);
  shown.insert(shown.end(), std::make_move_iterator(missed.begin()), std::make_move_iterator(missed.end()));
  targets.rows = std::move(shown);
  print_sheet(out, targets);
  if (left_out > 0)
    out << "(" << left_out << " more still missed, whose probability moved less: targets_compare.csv, sheet 目标风险对比)\n";
}

}  // namespace

void print_compare_tables(std::ostream& out, const std::vector<report::Comparison>& comparisons,
                          const tables::ForecastView& base, const std::vector<tables::ForecastView>& variants,
                          const tables::CompareInfo& info) {
  for (std::size_t i = 0; i < comparisons.size(); ++i) {
    const report::Comparison& c = comparisons[i];
    const tables::ForecastView& v = variants[i];
    out << "kpsim compare · " << info.replications << " replications, common random numbers (seed " << info.seed << ")\n"
        << "  base:    " << c.base << "\n  variant: " << c.variant << "\n";
    for (std::string e : v.scenario.policy_effects) {
      for (std::size_t at = e.find('\n'); at != std::string::npos; at = e.find('\n', at + 1)) e.insert(at + 1, "  ");
      out << "  policy " << e << '\n';
    }
    const auto rows = by_metric(c);
    print_investment(out, rows, base, info);
    if (const auto r = rows.find("start_rate"); r != rows.end()) print_rates(out, r->second);
    print_approval(out, rows);
    const std::vector<tables::Sheet> sheets = tables::side_by_side_sheets(base, {v}, true);
    print_targets(out, sheets[0], base.scenario.at_risk_threshold);
    out << "\nBottleneck ranking: agencies by utilisation in the variant (mean wait in working days)\n";
    print_sheet(out, sheets[1]);
    out << '\n';
  }
}

}  // namespace kpsim::output
