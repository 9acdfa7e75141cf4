#include "sim/cli/sweep_table.hpp"

#include <cmath>

#include "sim/output/text_table.hpp"

namespace kpsim::cli {

void print_sweep_results(std::ostream& out, const sweep::PreparedSweep& prepared, const sweep::SweepSummary& summary,
                         const std::string& money_unit) {
  using output::fixed;
  using A = output::TextTable::Align;
  const sweep::Expansion& e = prepared.expansion;
  auto or_blank = [](double x, const std::string& text) { return std::isnan(x) ? std::string() : text; };
  const sweep::Variant& reference = e.variants.at(prepared.reference);
  out << "\nResults (differences paired with the reference " << reference.id << " '" << reference.label
      << "', 90% interval)\n";
  const std::string year = summary.lines.empty() ? "" : summary.lines.front().investment_diff.period;
  output::TextTable t({{"variant", A::left}, {"label", A::left}, {"investment " + year + " (" + money_unit + ")", A::right},
                       {"vs reference", A::right}, {"90% interval", A::right}, {"of plan", A::right},
                       {"start rate", A::right}, {"approval wd", A::right}, {"bottleneck", A::left},
                       {"targets at risk", A::right}});
  for (const sweep::SweepLine& l : summary.lines) {
    const sweep::Variant& v = e.variants[l.variant];
    const report::PairedStat& d = l.investment_diff;
    const bool ref = l.variant == prepared.reference;
    const sweep::VariantOutcome& o = l.outcome;
    t.add_row({v.id, v.label, or_blank(d.variant_mean, fixed(d.variant_mean, 2)), ref ? "reference" : or_blank(d.diff_mean, (d.diff_mean > 0 ? "+" : "") + fixed(d.diff_mean, 2)),
               ref ? "" : or_blank(d.ci90_low, "[" + fixed(d.ci90_low, 2) + ", " + fixed(d.ci90_high, 2) + "]"),
               or_blank(o.share_of_plan, fixed(100 * o.share_of_plan, 1) + "%"), or_blank(o.start_rate, fixed(100 * o.start_rate, 1) + "%"),
               or_blank(o.approval_days, fixed(o.approval_days, 1)),
               o.bottleneck + " " + fixed(100 * o.bottleneck_utilisation, 0) + "%", std::to_string(o.targets_at_risk)});
  }
  t.print(out);
  out << "(investment: completed in the first calendar year, mean; of plan: the year to date at the last quarter's end;\n"
         "approval wd: realised working days to the last approval, from the start date or entry; bottleneck: the busiest\n"
         "agency and its utilisation; targets at risk: missed with the scenario's at-risk probability or more)\n";
}

}  // namespace kpsim::cli
