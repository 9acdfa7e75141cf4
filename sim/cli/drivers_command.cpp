// kpsim drivers: the drivers sweep run, drivers.csv and its workbook sheet
// written beside the sweep's own files, the table printed.
#include <unistd.h>

#include <algorithm>
#include <sstream>

#include "sim/cli/command_support.hpp"
#include "sim/cli/commands.hpp"
#include "sim/output/csv_sheet.hpp"
#include "sim/output/sheet_text.hpp"
#include "sim/output/write_xlsx.hpp"
#include "sim/sweep/drivers.hpp"
#include "sim/sweep/ranks.hpp"

namespace kpsim::cli {

namespace {

// "risks,agencies" → the choice; a located error for anything else.
sweep::DriverChoice parse_what(const std::string& what) {
  sweep::DriverChoice c{false, false, false};
  std::stringstream in(what);
  for (std::string item; std::getline(in, item, ',');) {
    if (item == "risks") c.risks = true;
    else if (item == "agencies") c.agencies = true;
    else if (item == "steps") c.steps = true;
    else
      throw model::InputError({{"E-DRV-002", {"--what", 0, 0, item}, "'" + item + "' is not a driver kind: risks, agencies or steps"}});
  }
  if (!c.risks && !c.agencies && !c.steps)
    throw model::InputError({{"E-DRV-002", {"--what", 0, 0, what}, "name at least one driver kind: risks, agencies or steps"}});
  return c;
}

}  // namespace

int drivers(const DriversOptions& options, std::ostream& out, std::ostream& err) {
  const sweep::DriversPlan plan =
      sweep::plan_drivers(options.scenario, options.policies, parse_what(options.what), options.replications, options.seed);
  const int threads = threads_per_rank(options.threads);
  const sweep::PreparedSweep prepared = sweep::prepare_sweep(plan.spec, threads);
  const bool root = sweep::this_rank() == 0;

  sweep::SweepOptions o;
  o.out_dir = options.out_dir.value_or("out/" + directory_name(plan.spec.name));
  o.threads = threads;
  o.resume = options.resume;
  o.owner = "kpsim drivers " + std::filesystem::absolute(options.scenario).lexically_normal().string();
  o.overwrite = options.overwrite;
  o.control = options.control;
  if (root && !o.control && isatty(STDERR_FILENO)) o.progress = &err;
  tables::Sheet table;
  sweep::SweepSummary s;
  write_or_fail(o.out_dir.string(), [&] {
    s = sweep::run_sweep(plan.spec, prepared, o, [&](output::ResultFolder& folder, const sweep::SweepSummary& done) {
      table = sweep::drivers_sheet(plan, done);
      output::write_sheet_csv(folder.add(table.csv), table);
      output::write_xlsx(folder.add("report.xlsx"), {table}, folder.staging());
    });
  });
  if (!root) return 0;
  out << "drivers of " << prepared.expansion.variants.size() - 1 << " variants × " << prepared.replications
      << " replications against the base (common random numbers), first calendar year, " << plan.money_unit << "\n\n";
  output::print_sheet(out, table, {0, 3, 4, 5, 6, 7, 8});
  out << "\nResults written to " << o.out_dir.string() << "/ (drivers.csv, report.xlsx, sweep.csv, manifest.json)\n";
  return 0;
}

}  // namespace kpsim::cli
