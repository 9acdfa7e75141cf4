#include "sim/cli/commands.hpp"

#include "sim/cli/command_support.hpp"
#include "sim/cli/forecasts.hpp"
#include "sim/cli/sweep_table.hpp"

#include "sim/core/suggest.hpp"
#include "sim/engine/compile.hpp"
#include "sim/engine/cpm.hpp"
#include "sim/engine/rcpsp.hpp"
#include "sim/input/psplib_files.hpp"
#include "sim/input/read_policies.hpp"
#include "sim/input/read_sweep.hpp"
#include "sim/input/references.hpp"
#include "sim/output/atomic_file.hpp"
#include "sim/output/compare_console.hpp"
#include "sim/output/console_table.hpp"
#include "sim/output/psplib_text.hpp"
#include "sim/output/schedule_text.hpp"
#include "sim/output/text_table.hpp"
#include "sim/output/write_compare.hpp"
#include "sim/output/write_run.hpp"
#include "sim/report/compare.hpp"
#include "sim/run/psplib_study.hpp"
#include "sim/run/replications.hpp"
#include "sim/sweep/ranks.hpp"
#include "sim/sweep/run_sweep.hpp"
#include "sim/synth/generate.hpp"
#include "sim/tables/side_by_side.hpp"

#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <functional>

namespace kpsim::cli {

void print_validation(std::ostream& out, const std::string& scenario, const model::Scenario& sc, const engine::Network& net) {
  out << scenario << ": ok (" << sc.projects.size() << " projects, " << net.task_count() << " tasks, "
      << sc.agencies.size() << " agencies, " << sc.calendars.size() << " calendars)\n";
  output::print_policy_effects(out, sc);
}

int validate(const std::string& scenario, const std::vector<std::string>& policies, std::ostream& out, std::ostream& err) {
  const model::Scenario sc = load_with_policies(scenario, policies);
  const engine::Network net = engine::compile(sc);
  print_warnings(err, sc);
  print_validation(out, scenario, sc, net);
  return 0;
}

int run(const RunOptions& options, std::ostream& out, std::ostream& err) {
  const model::Scenario sc = load_with_policies(options.scenario, options.policies);
  const engine::Network net = engine::compile(sc);
  print_warnings(err, sc);
  run::ReplicationOptions mc_options;
  mc_options.replications = options.replications.value_or(sc.replications);
  mc_options.seed = options.seed.value_or(sc.seed);
  mc_options.threads = thread_count(options.threads);
  mc_options.deterministic = options.deterministic;
  mc_options.until_converged = options.until_converged;
  mc_options.max_rounds = options.max_rounds;
  mc_options.control = options.control;
  const std::string dir = options.out_dir.value_or("out/" + directory_name(sc.name));
  std::unique_ptr<output::ResultFolder> folder;  // locked while the run works: a second run there refuses
  write_or_fail(dir, [&] { folder = std::make_unique<output::ResultFolder>(dir, "kpsim run", options.overwrite); });
  const report::MonteCarloForecast mc = forecast(sc, net, mc_options, err);
  write_or_fail(dir, [&] { output::write_run(*folder, sc, net, mc, {mc_options.seed, options.deterministic, options.until_converged.has_value()}); });
  output::print_run_tables(out, sc, net, mc, options.deterministic);
  if (options.until_converged && mc.converged)
    out << "\nConverged after " << mc.replications << " replications (" << mc.blocks << " rounds of "
        << mc_options.replications << ").\n";
  else if (options.until_converged)
    out << "\nNot converged: stopped at the cap of " << mc.blocks << " rounds of " << mc_options.replications
        << " replications (--max-rounds) before the mean and P90 settled within " << *options.until_converged
        << ".\n";
  out << "\nResults written to " << dir << "/\n";
  return 0;
}

int compare(const CompareOptions& options, std::ostream& out, std::ostream& err) {
  model::Scenario base = load_with_policies(options.base, {});
  std::vector<model::Scenario> variants;
  for (const std::string& v : options.variants)
    variants.push_back(input::is_policy_overlay(v) ? load_with_policies(options.base, {v}) : load_with_policies(v, {}));
  run::ReplicationOptions mc_options;
  mc_options.replications = options.replications.value_or(base.replications);
  mc_options.seed = options.seed.value_or(base.seed);
  mc_options.threads = thread_count(options.threads);
  mc_options.control = options.control;
  const std::string dir = options.out_dir.value_or("out/compare-" + directory_name(base.name));
  const Compared c = compare_scenarios(std::move(base), std::move(variants), mc_options, err);
  write_or_fail(dir, [&] {
    output::ResultFolder folder(dir, "kpsim compare", options.overwrite);
    output::write_compare(folder, c.comparisons, c.side_by_side, c.info);
  });
  output::print_compare_tables(out, c.comparisons, c.forecasts.front().view(), c.variant_views(), c.info);
  out << "Results written to " << dir << "/\n";
  return 0;
}

int sweep(const SweepCommandOptions& options, std::ostream& out, std::ostream& err) {
  const model::SweepSpec spec = input::load_sweep(options.file);
  const int threads = threads_per_rank(options.threads);
  const sweep::PreparedSweep prepared = sweep::prepare_sweep(spec, threads);
  const sweep::Expansion& e = prepared.expansion;
  const int block = spec.block, blocks = (prepared.replications + block - 1) / block;
  const bool root = sweep::this_rank() == 0;
  if (options.dry_run) {
    if (!root) return 0;
    out << "sweep " << spec.name << ": " << e.variants.size() << " variants × " << prepared.replications
        << " replications (seed " << prepared.seed << "), " << e.variants.size() * static_cast<std::size_t>(blocks)
        << " work units of up to " << block << " replications\n\n";
    std::vector<std::pair<std::string, output::TextTable::Align>> columns{{"variant", output::TextTable::Align::left},
                                                                       {"label", output::TextTable::Align::left}};
    for (const std::string& p : e.paths) columns.emplace_back(p, output::TextTable::Align::right);
    output::TextTable t(columns);
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
  o.threads = threads;
  o.resume = options.resume;
  o.owner = "sweep '" + spec.name + "' (" + std::filesystem::absolute(spec.file).lexically_normal().string() + ")";
  o.overwrite = options.overwrite;
  o.control = options.control;
  if (root && !o.control && isatty(STDERR_FILENO)) o.progress = &err;
  const auto begin = std::chrono::steady_clock::now();
  sweep::SweepSummary s;
  write_or_fail(o.out_dir.string(), [&] { s = sweep::run_sweep(spec, prepared, o); });
  if (s.threads < o.threads)
    err << "warning: the system started only " << s.threads << " of " << o.threads
        << " threads; the results are the same, the sweep slower\n";
  if (!root) return 0;
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - begin).count();
  out << "sweep " << spec.name << ": " << s.variants << " variants × " << prepared.replications << " replications";
  if (s.resumed > 0) out << " (" << s.resumed << " finished before, resumed)";
  if (s.rejected > 0)
    err << "warning: " << s.rejected << " saved variant" << (s.rejected == 1 ? " did" : "s did")
        << " not verify (truncated, edited, or not a regular file) and ran again\n";
  out << " on " << sweep::rank_count() << (sweep::rank_count() == 1 ? " process" : " ranks") << " × " << o.threads
      << (o.threads == 1 ? " thread" : " threads") << " in " << output::fixed(seconds, 1) << " s\n";
  print_sweep_results(out, prepared, s, prepared.money_unit);
  out << "\nResults written to " << o.out_dir.string() << "/ (sweep.csv, manifest.json)\n";
  return 0;
}

int psplib(const PsplibOptions& options, std::ostream& out, std::ostream&) {
  const input::PsplibFiles files = input::find_psplib_files(options.path, options.bounds.value_or(""));
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
  const std::vector<input::PsplibCase> cases = input::load_psplib_cases(files);
  const run::PsplibStudy study = run::run_psplib_study(cases, rules);

  output::print_psplib_study(out, study, options.path, files.folder);
  if (options.csv_out) write_or_fail(*options.csv_out, [&] { output::write_psplib_csv(*options.csv_out, study); });
  if (options.schedule_out) {
    if (files.folder) throw model::InputError({{"E-PSP-012", {"--schedule-out", 0, 0, ""}, "a schedule is written for one instance file, not a folder"}});
    const run::InstanceResult& r = study.instances.front();
    const std::size_t best = static_cast<std::size_t>(std::min_element(r.makespan.begin(), r.makespan.end()) - r.makespan.begin());
    const engine::RcpspSchedule schedule = engine::schedule_rcpsp(cases.front().instance, rules[best]);
    write_or_fail(*options.schedule_out, [&] {
      output::AtomicFile f(*options.schedule_out);
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
  const synth::GeneratedFiles files = options.projects ? synth::generate_portfolio(*options.projects, options.seed, csv_name)
                                                    : synth::generate_reference_model(*options.reference_model, csv_name);
  write_or_fail(options.out, [&] {
    if (yaml.has_parent_path()) fs::create_directories(yaml.parent_path());
    output::AtomicFileSet set;
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
  if (options.project) project = input::find_project(sc, *options.project);
  const engine::CpmSchedule cpm = engine::schedule_cpm(net);
  if (options.dot) output::write_schedule_dot(out, sc, net, cpm, project);
  else if (project) output::print_project_schedule(out, sc, net, cpm, *project);
  else {
    output::print_portfolio_schedule(out, sc, net, cpm);
    out << '\n';
    output::print_policy_effects(out, sc);
  }
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
