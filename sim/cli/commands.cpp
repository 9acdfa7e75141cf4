#include "sim/cli/commands.hpp"

#include "sim/engine/compile.hpp"
#include "sim/engine/cpm.hpp"
#include "sim/io/console_table.hpp"
#include "sim/io/load_scenario.hpp"
#include "sim/io/schedule_text.hpp"
#include "sim/io/write_run.hpp"
#include "sim/report/monte_carlo.hpp"

#include <thread>

namespace kpsim::cli {
namespace {

void print_warnings(std::ostream& err, const model::Scenario& sc) {
  for (const auto& w : sc.warnings) err << "warning: " << w.format() << '\n';
}

// A directory name from the scenario name: keeps letters (also Chinese),
// digits, '-', '_' and '.', replaces the rest.
std::string directory_name(const std::string& name) {
  std::string out;
  for (char c : name) {
    const auto u = static_cast<unsigned char>(c);
    out += (u >= 0x80 || std::isalnum(u) || c == '-' || c == '_' || c == '.') ? c : '_';
  }
  return out.empty() || out == "." || out == ".." ? "scenario" : out;
}

}  // namespace

int validate(const std::string& scenario, std::ostream& out, std::ostream& err) {
  const model::Scenario sc = io::load_scenario(scenario);
  const engine::Network net = engine::compile(sc);
  print_warnings(err, sc);
  out << scenario << ": ok (" << sc.projects.size() << " projects, " << net.task_count() << " tasks, "
      << sc.agencies.size() << " agencies, " << sc.calendars.size() << " calendars)\n";
  return 0;
}

int run(const RunOptions& options, std::ostream& out, std::ostream& err) {
  const model::Scenario sc = io::load_scenario(options.scenario);
  const engine::Network net = engine::compile(sc);
  print_warnings(err, sc);
  report::MonteCarloOptions mc_options;
  mc_options.replications = options.replications.value_or(sc.replications);
  mc_options.seed = options.seed.value_or(sc.seed);
  mc_options.threads = options.threads > 0 ? options.threads : static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  mc_options.deterministic = options.deterministic;
  mc_options.until_converged = options.until_converged;
  const report::MonteCarloForecast mc = report::run_monte_carlo(sc, net, mc_options);
  const std::string dir = options.out_dir.value_or("out/" + directory_name(sc.name));
  try {
    io::write_run(dir, sc, net, mc, {mc_options.seed, options.deterministic});
  } catch (const std::exception& e) {  // an unwritable --out is the user's to fix, not a bug
    throw model::InputError({{"E-IO-003", {dir, 0, 0, "--out"}, std::string("cannot write the results: ") + e.what()}});
  }
  io::print_run_tables(out, sc, mc, options.deterministic);
  if (options.until_converged)
    out << "\nConverged after " << mc.replications << " replications (" << mc.blocks << " blocks of "
        << mc_options.replications << ").\n";
  out << "\nResults written to " << dir << "/\n";
  return 0;
}

int graph(const GraphOptions& options, std::ostream& out, std::ostream& err) {
  const model::Scenario sc = io::load_scenario(options.scenario);
  const engine::Network net = engine::compile(sc);
  print_warnings(err, sc);
  std::optional<std::uint32_t> project;
  if (options.project) project = io::find_project(sc, *options.project);
  const engine::CpmSchedule cpm = engine::schedule_cpm(net);
  if (options.dot) io::write_schedule_dot(out, sc, net, cpm, project);
  else if (project) io::print_project_schedule(out, sc, net, cpm, *project);
  else io::print_portfolio_schedule(out, sc, net, cpm);
  return 0;
}

void print_input_error(std::ostream& err, const std::exception& e) {
  if (const auto* ie = dynamic_cast<const model::InputError*>(&e)) {
    for (const auto& d : ie->diagnostics()) err << d.format() << '\n';
    if (ie->diagnostics().size() > 1) err << ie->diagnostics().size() << " errors\n";
  } else {
    err << e.what() << '\n';
  }
}

}  // namespace kpsim::cli
