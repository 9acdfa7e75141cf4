#include "sim/cli/commands.hpp"

#include "sim/engine/compile.hpp"
#include "sim/engine/cpm.hpp"
#include "sim/io/console_table.hpp"
#include "sim/io/load_scenario.hpp"
#include "sim/io/schedule_text.hpp"
#include "sim/io/write_run.hpp"
#include "sim/report/forecast.hpp"

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
  const engine::CpmSchedule cpm = engine::schedule_cpm(net);
  const report::Forecast forecast = report::make_forecast(net, cpm.early);
  const std::string dir = options.out_dir.value_or("out/" + directory_name(sc.name));
  io::write_run(dir, sc, net, forecast);
  io::print_quarterly_table(out, sc, forecast);
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
