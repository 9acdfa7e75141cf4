#include "sim/io/console_table.hpp"

#include <cmath>

#include "sim/io/text_table.hpp"

namespace kpsim::io {
namespace {

std::string percent(double share) { return std::isnan(share) ? "" : fixed(100.0 * share, 1) + "%"; }

}  // namespace

void print_quarterly_table(std::ostream& out, const model::Scenario& sc, const report::Forecast& f) {
  out << "kpsim · " << sc.name << " · " << sc.start.iso() << " … " << sc.end.iso() << " · " << f.projects.size()
      << " projects\n";
  out << "Deterministic schedule: unlimited agency capacity, most likely durations.\n\n";
  using A = TextTable::Align;
  const std::string unit = sc.money_unit;
  TextTable t({{"quarter", A::left}, {"investment (" + unit + ")", A::right}, {"year to date", A::right},
               {"of plan", A::right}, {"started", A::right}, {"completed", A::right}});
  int started = 0, completed = 0;
  for (const auto& r : report::period_rows(f, true, sc.annual_plan)) {
    t.add_row({r.label, fixed(r.investment, 2), fixed(r.year_to_date, 2), percent(r.share_of_plan),
               std::to_string(r.started), std::to_string(r.completed)});
    started += r.started, completed += r.completed;
  }
  t.add_rule();
  t.add_row({"horizon", fixed(f.investment_in_horizon, 2), "", "", std::to_string(started), std::to_string(completed)});
  t.print(out);
  if (sc.annual_plan) out << "\nAnnual plan: " << fixed(*sc.annual_plan, 2) << ' ' << unit << '\n';
  if (f.investment_after_horizon > 0.005)
    out << "Investment falling after " << sc.end.iso() << ": " << fixed(f.investment_after_horizon, 2) << ' ' << unit
        << '\n';
}

}  // namespace kpsim::io
