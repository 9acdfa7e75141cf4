// The kpsim command: parses flags, calls the library, maps failures to exit
// codes (2 for bad input, 1 for anything else).
#include <CLI/CLI.hpp>
#include <algorithm>
#include <charconv>
#include <cstdint>
#include <iostream>
#include <new>

#include "sim/cli/commands.hpp"
#include "sim/core/suggest.hpp"
#include "sim/model/input_error.hpp"
#include "sim/sweep/ranks.hpp"

int main(int argc, char** argv) {
  using namespace kpsim;
  const sweep::RankSession ranks(argc, argv);
  CLI::App app{"kpsim — discrete-event simulation of key-project approvals, land and construction"};
  app.set_version_flag("--version", std::string("kpsim ") + KPSIM_VERSION);
  app.require_subcommand(1);

  // 0 … 2^64 − 1, digits only: "-1" or a larger number is refused rather than wrapped or clamped.
  const CLI::Validator seed_check(
      [](std::string& v) -> std::string {
        std::uint64_t seed = 0;
        const auto [end, ec] = std::from_chars(v.data(), v.data() + v.size(), seed);
        if (v.empty() || v[0] == '-' || v[0] == '+' || ec != std::errc{} || end != v.data() + v.size())
          return "a seed is a whole number from 0 to 18446744073709551615, not " + v;
        return "";
      },
      "SEED");
  const char* policy_help = "policy overlay file (a 'policies:' list), applied after the scenario's own; repeatable";
  std::string validate_path;
  std::vector<std::string> validate_policies;
  auto* validate = app.add_subcommand("validate", "check a scenario and report every error with its location");
  validate->add_option("SCENARIO", validate_path, "scenario YAML file")->required();
  validate->add_option("--policy", validate_policies, policy_help);

  cli::RunOptions run_opts;
  auto* run = app.add_subcommand("run", "forecast completed investment per month and quarter");
  run->add_option("SCENARIO", run_opts.scenario, "scenario YAML file")->required();
  run->add_option("--policy", run_opts.policies, policy_help);
  run->add_option("--out", run_opts.out_dir, "output directory (default out/<scenario name>/)");
  run->add_flag("--overwrite", run_opts.overwrite, "replace the results of another command or sweep in the --out folder");
  run->add_option("--replications,-n", run_opts.replications, "replications (default: the scenario's)")
      ->check(CLI::Range(1, 1'000'000));
  run->add_option("--seed", run_opts.seed, "random seed (default: the scenario's)")->check(seed_check);
  run->add_option("--threads,-j", run_opts.threads, "worker threads (default: all cores)")->check(CLI::Range(1, 1024));
  run->add_option("--until-converged", run_opts.until_converged,
                  "add blocks of replications until the mean and P90 of the horizon's investment move less than TOL")
      ->check([](const std::string& v) -> std::string {
        // A relative tolerance: above 0 (0 would never settle) and at most 1.
        if (v.find_first_of("nN") != std::string::npos) return "not a number: " + v;
        double x = 0;
        const auto [end, ec] = std::from_chars(v.data(), v.data() + v.size(), x);
        if (ec != std::errc{} || end != v.data() + v.size() || !(x > 0) || x > 1)
          return "a relative tolerance above 0 and at most 1 (0.01 is 1%), not " + v;
        return "";
      });
  run->add_option("--max-rounds", run_opts.max_rounds,
                  "with --until-converged: stop after this many rounds of --replications, settled or not (default 100)")
      ->check(CLI::Range(2, 10'000));
  auto* deterministic = run->add_flag("--deterministic", run_opts.deterministic,
                "one replication with every duration at its most likely value (risks, lost days and arrivals as drawn "
                "for replication 0)");
  // One replication by definition: a count or a tolerance beside it would be ignored.
  deterministic->excludes("--replications")->excludes("--until-converged");

  cli::GraphOptions graph_opts;
  auto* graph = app.add_subcommand("graph", "deterministic schedule, slack and critical path");
  graph->add_option("SCENARIO", graph_opts.scenario, "scenario YAML file")->required();
  graph->add_option("--policy", graph_opts.policies, policy_help);
  graph->add_option("--project", graph_opts.project, "one project's schedule (by id)");
  graph->add_flag("--dot", graph_opts.dot, "print Graphviz instead of a table");

  cli::CompareOptions compare_opts;
  auto* compare = app.add_subcommand("compare", "paired differences of variants against a base, with common random numbers");
  compare->add_option("BASE", compare_opts.base, "base scenario YAML file")->required();
  compare->add_option("VARIANT", compare_opts.variants, "variant scenario, or policy overlay applied to the base")->required();
  compare->add_option("--out", compare_opts.out_dir, "output directory (default out/compare-<base name>/)");
  compare->add_flag("--overwrite", compare_opts.overwrite, "replace the results of another command or sweep in the --out folder");
  compare->add_option("--replications,-n", compare_opts.replications, "replications (default: the base's)")
      ->check(CLI::Range(1, 1'000'000));
  compare->add_option("--seed", compare_opts.seed, "random seed (default: the base's)")->check(seed_check);
  compare->add_option("--threads,-j", compare_opts.threads, "worker threads (default: all cores)")->check(CLI::Range(1, 1024));

  cli::SweepCommandOptions sweep_opts;
  auto* sweep = app.add_subcommand("sweep", "run a batch of scenario variants (also across the ranks of mpirun)");
  sweep->add_option("SWEEP", sweep_opts.file, "sweep YAML file")->required();
  sweep->add_option("--out", sweep_opts.out_dir, "output directory (default out/sweep-<sweep name>/)");
  sweep->add_flag("--overwrite", sweep_opts.overwrite, "replace the results of another command or sweep in the --out folder");
  sweep->add_option("--threads,-j", sweep_opts.threads, "worker threads per process (default: the machine's cores)")
      ->check(CLI::Range(1, 1024));
  sweep->add_flag("--resume", sweep_opts.resume, "keep the variants an interrupted run of the same sweep finished");
  sweep->add_flag("--dry-run", sweep_opts.dry_run, "check the sweep and list its variants without running them");

  cli::CalibrateOptions calibrate_opts;
  auto* calibrate = app.add_subcommand("calibrate", "calibrate parameters to observed figures, then forecast with them");
  calibrate->add_option("CALIBRATION", calibrate_opts.file, "calibration YAML file")->required();
  calibrate->add_option("--out", calibrate_opts.out_dir, "output directory (default out/calibration-<name>/)");
  calibrate->add_flag("--overwrite", calibrate_opts.overwrite, "replace the results of another command or sweep in the --out folder");
  calibrate->add_option("--threads,-j", calibrate_opts.threads, "worker threads per process (default: the machine's cores)")
      ->check(CLI::Range(1, 1024));
  calibrate->add_option("--until", calibrate_opts.until, "backtest: fit the observations up to this month (YYYY-MM), forecast the rest");
  calibrate->add_flag("--resume", calibrate_opts.resume, "keep the waves an interrupted run of the same calibration finished");
  calibrate->add_flag("--dry-run", calibrate_opts.dry_run, "check the calibration against its scenario without running it");
  calibrate->add_option("--recovery", calibrate_opts.recovery, "calibrate N truths drawn from the prior, with figures kpsim simulates at each")
      ->check(CLI::Range(1, 10'000));

  cli::DriversOptions drivers_opts;
  auto* drivers = app.add_subcommand("drivers", "rank risks, reviewers and steps by the investment removing each would gain");
  drivers->add_option("SCENARIO", drivers_opts.scenario, "scenario YAML file")->required();
  drivers->add_option("--policy", drivers_opts.policies, policy_help);
  drivers->add_option("--what", drivers_opts.what,
                      "drivers to try, comma-separated: risks (each removed), agencies (one more reviewer each), "
                      "steps (each template step at its P10 duration); default risks,agencies");
  drivers->add_option("--out", drivers_opts.out_dir, "output directory (default out/drivers-<scenario name>/)");
  drivers->add_flag("--overwrite", drivers_opts.overwrite, "replace the results of another command or sweep in the --out folder");
  drivers->add_option("--replications,-n", drivers_opts.replications, "replications per variant (default: the scenario's)")
      ->check(CLI::Range(1, 1'000'000));
  drivers->add_option("--seed", drivers_opts.seed, "random seed (default: the scenario's)")->check(seed_check);
  drivers->add_option("--threads,-j", drivers_opts.threads, "worker threads per process (default: the machine's cores)")
      ->check(CLI::Range(1, 1024));
  drivers->add_flag("--resume", drivers_opts.resume, "keep the variants an interrupted run of the same drivers finished");

  cli::PsplibOptions psplib_opts;
  auto* psplib = app.add_subcommand("psplib", "schedule PSPLIB RCPSP instances under priority rules");
  psplib->add_option("PATH", psplib_opts.path, "an .sm file, or a folder of them")->required();
  psplib->add_option("--rule", psplib_opts.rule, "lft, lst, mts, grpw, spt or mslk (default: all)");
  psplib->add_option("--schedule-out", psplib_opts.schedule_out, "write the schedule as CSV job,start (one file)");
  psplib->add_option("--bounds", psplib_opts.bounds, "folder with j30opt.sm, j60lb.sm … (default: PATH/../bounds)");
  psplib->add_option("--csv", psplib_opts.csv_out, "write every instance's makespans and bounds as CSV");

  cli::GenerateOptions generate_opts;
  auto* generate = app.add_subcommand("generate", "write a synthetic portfolio (or the reference model) as a scenario");
  generate->add_option("--projects", generate_opts.projects, "a synthetic portfolio of N projects")
      ->check(CLI::Range(1u, 1'000'000u));
  generate->add_option("--reference-model", generate_opts.reference_model, "the reference approval-pipeline model with P projects")
      ->check(CLI::Range(1u, 1'000'000u));
  generate->add_option("--seed", generate_opts.seed, "seed of the generator (default 1)");
  generate->add_option("--out", generate_opts.out, "scenario file to write (the projects CSV goes beside it)")->required();

  // A command line is input too: its errors carry a code, name the
  // argument, and say where the help is (exit status 2).
  std::vector<std::string> commands;
  for (const CLI::App* sub : app.get_subcommands({})) commands.push_back(sub->get_name());
  if (argc > 1 && argv[1][0] != '-' && std::find(commands.begin(), commands.end(), argv[1]) == commands.end()) {
    std::cerr << "kpsim: unknown command '" << argv[1] << "'" << core::did_you_mean(argv[1], commands)
              << "; the commands are";
    for (const std::string& c : commands) std::cerr << ' ' << c;
    std::cerr << " [E-CLI-003]\n";
    return 2;
  }
  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForVersion& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    std::string where = "kpsim";
    for (const CLI::App* sub : app.get_subcommands()) where += " " + sub->get_name();
    std::cerr << where << ": " << e.what() << " [E-CLI-002]\nRun '" << where << " --help' for the options.\n";
    return 2;
  }

  int status = 1;
  try {
    if (*validate) status = cli::validate(validate_path, validate_policies, std::cout, std::cerr);
    else if (*compare) status = cli::compare(compare_opts, std::cout, std::cerr);
    else if (*sweep) status = cli::sweep(sweep_opts, std::cout, std::cerr);
    else if (*calibrate) status = cli::calibrate(calibrate_opts, std::cout, std::cerr);
    else if (*drivers) status = cli::drivers(drivers_opts, std::cout, std::cerr);
    else if (*psplib) status = cli::psplib(psplib_opts, std::cout, std::cerr);
    else if (*generate) status = cli::generate(generate_opts, std::cout, std::cerr);
    else if (*run) status = cli::run(run_opts, std::cout, std::cerr);
    else if (*graph) status = cli::graph(graph_opts, std::cout, std::cerr);
  } catch (const model::InputError& e) {
    if (kpsim::sweep::this_rank() == 0) cli::print_input_error(std::cerr, e);
    status = 2;
  } catch (const std::bad_alloc&) {
    std::cerr << "kpsim: out of memory [E-SYS-001]: fewer replications, threads or sweep variants need less\n";
    status = 1;
  } catch (const std::exception& e) {
    std::cerr << "kpsim: internal error: " << e.what() << '\n';
    status = 1;
  }
  // Under mpirun, a rank that fails must not leave the others waiting.
  if (status != 0 && kpsim::sweep::rank_count() > 1) kpsim::sweep::abort_all_ranks(status);
  return status;
}
