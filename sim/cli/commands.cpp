#include "sim/cli/commands.hpp"

#include "sim/engine/compile.hpp"
#include "sim/engine/cpm.hpp"
#include "sim/io/console_table.hpp"
#include "sim/io/load_scenario.hpp"
#include "sim/io/schedule_text.hpp"
#include "sim/core/suggest.hpp"
#include "sim/engine/rcpsp.hpp"
#include "sim/io/atomic_file.hpp"
#include "sim/io/generate.hpp"
#include "sim/io/csv_writer.hpp"
#include "sim/io/psplib_bounds.hpp"
#include "sim/io/read_psplib.hpp"
#include "sim/io/read_policies.hpp"
#include "sim/report/psplib_study.hpp"
#include "sim/io/read_sweep.hpp"
#include "sim/io/text_table.hpp"
#include "sim/io/side_by_side.hpp"
#include "sim/io/write_compare.hpp"
#include "sim/io/write_run.hpp"
#include "sim/policy/apply_policies.hpp"
#include "sim/report/compare.hpp"
#include "sim/sweep/ranks.hpp"
#include "sim/sweep/run_sweep.hpp"
#include "sim/report/monte_carlo.hpp"

#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <tuple>
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
  io::print_run_tables(out, sc, net, mc, options.deterministic);
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
  const engine::Network base_net = engine::compile(base);
  const report::MonteCarloForecast base_mc = report::run_monte_carlo(base, base_net, mc_options);
  std::vector<report::Comparison> comparisons;
  std::vector<engine::Network> nets;
  std::vector<report::MonteCarloForecast> forecasts;
  for (const model::Scenario& v : variants) {
    print_warnings(err, v);
    nets.push_back(engine::compile(v));
    forecasts.push_back(report::run_monte_carlo(v, nets.back(), mc_options));
    comparisons.push_back(report::compare_forecasts(base, base_mc, v, forecasts.back()));
  }
  std::vector<io::ForecastView> views;
  for (std::size_t i = 0; i < variants.size(); ++i) views.push_back({variants[i], nets[i], forecasts[i]});
  const std::vector<io::Sheet> side_by_side = io::side_by_side_sheets({base, base_net, base_mc}, views);
  const io::CompareInfo info{mc_options.seed, mc_options.replications, base.money_unit};
  const std::string dir = options.out_dir.value_or("out/compare-" + directory_name(base.name));
  write_or_fail(dir, [&] { io::write_compare(dir, comparisons, side_by_side, info); });
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

int psplib(const PsplibOptions& options, std::ostream& out, std::ostream&) {
  namespace fs = std::filesystem;
  std::vector<std::string> files;
  const bool folder = fs::is_directory(options.path);
  if (folder) {
    for (const auto& e : fs::directory_iterator(options.path))
      if (e.path().extension() == ".sm") files.push_back(e.path().string());
    std::sort(files.begin(), files.end(), [](const std::string& a, const std::string& b) {
      const auto na = io::parse_psplib_name(fs::path(a).stem().string()), nb = io::parse_psplib_name(fs::path(b).stem().string());
      if (na && nb) return std::tie(na->parameter, na->instance) < std::tie(nb->parameter, nb->instance);
      return a < b;
    });
    if (files.empty()) throw model::InputError({{"E-PSP-010", {options.path, 0, 0, ""}, "no .sm files in this folder"}});
  } else {
    files.push_back(options.path);
  }
  std::vector<engine::PriorityRule> rules;
  if (options.rule) {
    std::vector<std::string> names;
    for (const auto& [name, rule] : engine::priority_rules()) {
      names.push_back(name);
      if (name == *options.rule) rules.push_back(rule);
    }
    if (rules.empty())
      throw model::InputError({{"E-PSP-011", {"--rule", 0, 0, ""}, "unknown rule '" + *options.rule + "'" +
                                                                        core::did_you_mean(*options.rule, names)}});
  } else {
    for (const auto& [name, rule] : engine::priority_rules()) rules.push_back(rule);
  }
  const fs::path base = folder ? fs::path(options.path) : fs::path(options.path).parent_path();
  const std::string bounds = options.bounds.value_or(
      fs::exists(base / ".." / "bounds") ? (base / ".." / "bounds").string() : (base / "bounds").string());
  const report::PsplibStudy study = report::run_psplib_study(files, rules, bounds);

  using A = io::TextTable::Align;
  if (!folder) {
    const report::InstanceResult& r = study.instances.front();
    out << r.name << ": " << r.jobs << " jobs, critical path " << r.critical_path;
    if (r.bound.optimum) out << ", optimum " << *r.bound.optimum;
    else if (r.bound.best_known) out << ", best known " << *r.bound.best_known;
    out << "\n";
    io::TextTable t({{"rule", A::left}, {"makespan", A::right}});
    for (std::size_t k = 0; k < rules.size(); ++k) t.add_row({std::string(engine::rule_name(rules[k])), std::to_string(r.makespan[k])});
    t.print(out);
  } else {
    out << study.instances.size() << " instances from " << options.path << ", parallel schedule generation, "
        << io::fixed(study.seconds, 2) << " s for all rules\n";
    io::TextTable t({{"rule", A::left}, {"vs optimum: mean %", A::right}, {"max %", A::right}, {"optimal", A::right},
                     {"vs best known: mean %", A::right}, {"max %", A::right}, {"vs critical path: mean %", A::right},
                     {"max %", A::right}});
    for (const report::RuleStats& s : study.stats) {
      auto pct = [](double x, std::size_t n) { return n ? io::fixed(x, 2) : std::string(); };
      t.add_row({s.rule, pct(s.mean_dev_optimum, s.against_optimum), pct(s.max_dev_optimum, s.against_optimum),
                 s.against_optimum ? std::to_string(s.optimal) + "/" + std::to_string(s.against_optimum) : "",
                 pct(s.mean_dev_best_known, s.against_best_known), pct(s.max_dev_best_known, s.against_best_known),
                 io::fixed(s.mean_dev_cpm, 2), io::fixed(s.max_dev_cpm, 2)});
    }
    t.print(out);
  }
  if (options.csv_out) {
    write_or_fail(*options.csv_out, [&] {
      io::AtomicFile f(*options.csv_out);
      io::write_csv_row(f.out(), {"instance", "jobs", "rule", "makespan", "critical_path", "optimum", "best_known"});
      for (const auto& r : study.instances)
        for (std::size_t k = 0; k < rules.size(); ++k)
          io::write_csv_row(f.out(), {io::csv_text(r.name), std::to_string(r.jobs), std::string(engine::rule_name(rules[k])),
                                      std::to_string(r.makespan[k]), std::to_string(r.critical_path),
                                      r.bound.optimum ? std::to_string(*r.bound.optimum) : "",
                                      r.bound.best_known ? std::to_string(*r.bound.best_known) : ""});
      f.commit();
    });
  }
  if (options.schedule_out) {
    if (folder) throw model::InputError({{"E-PSP-012", {"--schedule-out", 0, 0, ""}, "a schedule is written for one instance file, not a folder"}});
    const report::InstanceResult& r = study.instances.front();
    const std::size_t best = static_cast<std::size_t>(std::min_element(r.makespan.begin(), r.makespan.end()) - r.makespan.begin());
    const model::RcpspInstance inst = io::load_psplib(options.path);
    const engine::RcpspSchedule schedule = engine::schedule_rcpsp(inst, rules[best]);
    write_or_fail(*options.schedule_out, [&] {
      io::AtomicFile f(*options.schedule_out);
      f.out() << "job,start\n";
      for (std::size_t j = 0; j < schedule.start.size(); ++j) f.out() << j + 1 << ',' << schedule.start[j] << '\n';
      f.commit();
    });
    out << "Schedule (" << engine::rule_name(rules[best]) << ", makespan " << schedule.makespan << ") written to "
        << *options.schedule_out << "\n";
  }
  return 0;
}

int generate(const GenerateOptions& options, std::ostream& out, std::ostream&) {
  namespace fs = std::filesystem;
  if (options.projects.has_value() == options.reference_model.has_value())
    throw model::InputError({{"E-GEN-001", {"--projects", 0, 0, ""}, "give either --projects N or --reference-model P"}});
  const fs::path yaml(options.out);
  const std::string csv_name = yaml.stem().string() + "-projects.csv";
  const io::GeneratedFiles files = options.projects ? io::generate_portfolio(*options.projects, options.seed, csv_name)
                                                    : io::generate_reference_model(*options.reference_model, csv_name);
  write_or_fail(options.out, [&] {
    if (yaml.has_parent_path()) fs::create_directories(yaml.parent_path());
    io::AtomicFileSet set;
    set.add(yaml.parent_path() / csv_name) << files.projects_csv;
    set.add(yaml) << files.scenario_yaml;
    set.commit_all();
  });
  out << "Wrote " << options.out << " and " << (yaml.parent_path() / csv_name).string() << "\n";
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
