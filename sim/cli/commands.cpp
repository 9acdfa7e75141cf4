#include "sim/cli/commands.hpp"

#include "sim/engine/compile.hpp"
#include "sim/engine/cpm.hpp"
#include "sim/io/console_table.hpp"
#include "sim/io/load_scenario.hpp"
#include "sim/io/schedule_text.hpp"
#include "sim/io/read_policies.hpp"
#include "sim/io/read_sweep.hpp"
#include "sim/io/text_table.hpp"
#include "sim/io/write_compare.hpp"
#include "sim/io/write_run.hpp"
#include "sim/policy/apply_policies.hpp"
#include "sim/report/compare.hpp"
#include "sim/sweep/ranks.hpp"
#include "sim/sweep/run_sweep.hpp"
#include "sim/report/monte_carlo.hpp"

#include <unistd.h>

#include <chrono>
#include <functional>
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

int thread_count(int requested) {
  return requested > 0 ? requested : static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
}

// The scenario with its own policies and then the overlays applied.
model::Scenario load_with_policies(const std::string& path, const std::vector<std::string>& overlay_files) {
  model::Scenario sc = io::load_scenario(path);
  std::vector<model::Policy> overlays;
  for (const std::string& f : overlay_files) {
    auto more = io::load_policy_file(f);
    overlays.insert(overlays.end(), more.begin(), more.end());
  }
  return policy::apply_policies(std::move(sc), overlays);
}

void write_or_fail(const std::string& dir, const std::function<void()>& write) {
  try {
    write();
  } catch (const std::exception& e) {  // an unwritable --out is the user's to fix, not a bug
    throw model::InputError({{"E-IO-003", {dir, 0, 0, "--out"}, std::string("cannot write the results: ") + e.what()}});
  }
}

}  // namespace

int validate(const std::string& scenario, const std::vector<std::string>& policies, std::ostream& out, std::ostream& err) {
  const model::Scenario sc = load_with_policies(scenario, policies);
  const engine::Network net = engine::compile(sc);
  print_warnings(err, sc);
  out << scenario << ": ok (" << sc.projects.size() << " projects, " << net.task_count() << " tasks, "
      << sc.agencies.size() << " agencies, " << sc.calendars.size() << " calendars)\n";
  return 0;
}

int run(const RunOptions& options, std::ostream& out, std::ostream& err) {
  const model::Scenario sc = load_with_policies(options.scenario, options.policies);
  const engine::Network net = engine::compile(sc);
  print_warnings(err, sc);
  report::MonteCarloOptions mc_options;
  mc_options.replications = options.replications.value_or(sc.replications);
  mc_options.seed = options.seed.value_or(sc.seed);
  mc_options.threads = thread_count(options.threads);
  mc_options.deterministic = options.deterministic;
  mc_options.until_converged = options.until_converged;
  const report::MonteCarloForecast mc = report::run_monte_carlo(sc, net, mc_options);
  const std::string dir = options.out_dir.value_or("out/" + directory_name(sc.name));
  write_or_fail(dir, [&] { io::write_run(dir, sc, net, mc, {mc_options.seed, options.deterministic}); });
  io::print_run_tables(out, sc, mc, options.deterministic);
  if (options.until_converged)
    out << "\nConverged after " << mc.replications << " replications (" << mc.blocks << " blocks of "
        << mc_options.replications << ").\n";
  out << "\nResults written to " << dir << "/\n";
  return 0;
}

int compare(const CompareOptions& options, std::ostream& out, std::ostream& err) {
  const model::Scenario base = load_with_policies(options.base, {});
  std::vector<model::Scenario> variants;
  for (const std::string& v : options.variants)
    variants.push_back(io::is_policy_overlay(v) ? load_with_policies(options.base, {v}) : load_with_policies(v, {}));
  print_warnings(err, base);
  report::MonteCarloOptions mc_options;
  mc_options.replications = options.replications.value_or(base.replications);
  mc_options.seed = options.seed.value_or(base.seed);
  mc_options.threads = thread_count(options.threads);
  // Same seed and replication numbers for every scenario: common random numbers.
  const report::MonteCarloForecast base_mc = report::run_monte_carlo(base, engine::compile(base), mc_options);
  std::vector<report::Comparison> comparisons;
  for (const model::Scenario& v : variants) {
    print_warnings(err, v);
    const report::MonteCarloForecast mc = report::run_monte_carlo(v, engine::compile(v), mc_options);
    comparisons.push_back(report::compare_forecasts(base, base_mc, v, mc));
  }
  const io::CompareInfo info{mc_options.seed, mc_options.replications, base.money_unit};
  const std::string dir = options.out_dir.value_or("out/compare-" + directory_name(base.name));
  write_or_fail(dir, [&] { io::write_compare(dir, comparisons, info); });
  io::print_compare_tables(out, comparisons, info);
  out << "Results written to " << dir << "/\n";
  return 0;
}

int sweep(const SweepCommandOptions& options, std::ostream& out, std::ostream& err) {
  const model::SweepSpec spec = io::load_sweep(options.file);
  const sweep::PreparedSweep prepared = sweep::prepare_sweep(spec);
  const sweep::Expansion& e = prepared.expansion;
  const int block = spec.block, blocks = (prepared.replications + block - 1) / block;
  const bool root = sweep::this_rank() == 0;
  if (options.dry_run) {
    if (!root) return 0;
    out << "sweep " << spec.name << ": " << e.variants.size() << " variants × " << prepared.replications
        << " replications (seed " << prepared.seed << "), " << e.variants.size() * static_cast<std::size_t>(blocks)
        << " work units of up to " << block << " replications\n\n";
    std::vector<std::pair<std::string, io::TextTable::Align>> columns{{"variant", io::TextTable::Align::left},
                                                                       {"label", io::TextTable::Align::left}};
    for (const std::string& p : e.paths) columns.emplace_back(p, io::TextTable::Align::right);
    io::TextTable t(columns);
    for (const sweep::Variant& v : e.variants) {
      std::vector<std::string> row{v.id, v.label};
      row.resize(columns.size());
      for (const sweep::Assignment& a : v.set) row[2 + a.path] = a.value.text;
      t.add_row(row);
    }
    t.print(out);
    return 0;
  }
  sweep::SweepOptions o;
  o.out_dir = options.out_dir.value_or("out/sweep-" + directory_name(spec.name));
  const int cores = static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  o.threads = options.threads > 0 ? options.threads : std::max(1, cores / sweep::ranks_on_this_machine());
  o.resume = options.resume;
  if (root && isatty(STDERR_FILENO)) o.progress = &err;
  const auto begin = std::chrono::steady_clock::now();
  sweep::SweepSummary s;
  write_or_fail(o.out_dir.string(), [&] { s = sweep::run_sweep(spec, prepared, o); });
  if (!root) return 0;
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - begin).count();
  out << "sweep " << spec.name << ": " << s.variants << " variants × " << prepared.replications << " replications";
  if (s.resumed > 0) out << " (" << s.resumed << " finished before, resumed)";
  out << " on " << sweep::rank_count() << (sweep::rank_count() == 1 ? " process" : " ranks") << " × " << o.threads
      << (o.threads == 1 ? " thread" : " threads") << " in " << io::fixed(seconds, 1) << " s\n"
      << "Results written to " << o.out_dir.string() << "/ (sweep.csv, manifest.json)\n";
  return 0;
}

int graph(const GraphOptions& options, std::ostream& out, std::ostream& err) {
  const model::Scenario sc = load_with_policies(options.scenario, options.policies);
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
