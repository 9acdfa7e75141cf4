// kpsim._kpsim: the library the command line links, for the `kpsim` Python
// package (python/kpsim/), which turns what this returns into pandas tables.
// Tables cross as their CSV text, so that a DataFrame holds exactly the
// numbers of the command's files; sweeps and calibrations run the commands
// themselves into a results folder.
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include <sstream>

#include <yaml-cpp/yaml.h>

#include "sim/cli/command_support.hpp"
#include "sim/cli/commands.hpp"
#include "sim/cli/forecasts.hpp"
#include "sim/engine/compile.hpp"
#include "sim/input/read_policies.hpp"
#include "sim/input/yaml_path.hpp"
#include "sim/output/compare_console.hpp"
#include "sim/output/console_table.hpp"
#include "sim/output/csv_sheet.hpp"
#include "sim/output/write_compare.hpp"
#include "sim/output/write_run.hpp"
#include "sim/python/background.hpp"
#include "sim/python/scenario_handle.hpp"
#include "sim/tables/run_tables.hpp"

namespace kpsim::python {
namespace {

namespace py = pybind11;
using namespace py::literals;

py::dict diagnostic_dict(const model::Diagnostic& d) {
  return py::dict("code"_a = d.code, "file"_a = d.where.file, "line"_a = d.where.line, "column"_a = d.where.column,
                  "key_path"_a = d.where.key_path, "message"_a = d.message, "text"_a = d.format());
}

// A sheet for pandas: its CSV text, and each column's kind (of its first
// filled cell) so that dates are read as dates and ids stay text.
py::dict sheet_dict(const tables::Sheet& sheet) {
  std::ostringstream csv;
  output::write_sheet_csv(csv, sheet);
  std::vector<std::string> kinds(sheet.header.size(), "empty");
  for (std::size_t c = 0; c < sheet.header.size(); ++c)
    for (const auto& row : sheet.rows) {
      if (c >= row.size() || row[c].kind == tables::Cell::Kind::empty) continue;
      static const char* const names[] = {"empty", "text", "number", "share", "date"};
      kinds[c] = names[static_cast<int>(row[c].kind)];
      break;
    }
  return py::dict("csv"_a = sheet.csv, "title"_a = sheet.title, "text"_a = csv.str(), "kinds"_a = kinds);
}

py::list sheet_list(const std::vector<tables::Sheet>& sheets) {
  py::list out;
  for (const tables::Sheet& s : sheets) out.append(sheet_dict(s));
  return out;
}

// What `kpsim run` forecasts before it writes: kept whole for tables,
// files and the console's text.
struct RunResult {
  model::Scenario scenario;
  engine::Network net;
  report::MonteCarloForecast mc;
  output::RunInfo info;
  std::string warnings;  // what the command line prints to standard error

  std::vector<tables::Sheet> sheets() const { return tables::run_sheets(scenario, net, mc, {info.seed, info.deterministic}); }
  void write(const std::string& dir, bool overwrite) const {
    cli::write_or_fail(dir, [&] {
      output::ResultFolder folder(dir, "kpsim run", overwrite);
      output::write_run(folder, scenario, net, mc, info);
    });
  }
  std::string text() const {
    std::ostringstream out;
    output::print_run_tables(out, scenario, net, mc, info.deterministic);
    return out.str();
  }
};

struct CompareResult {
  cli::Compared compared;
  std::string warnings;

  void write(const std::string& dir, bool overwrite) const {
    cli::write_or_fail(dir, [&] {
      output::ResultFolder folder(dir, "kpsim compare", overwrite);
      output::write_compare(folder, compared.comparisons, compared.side_by_side, compared.info);
    });
  }
  std::string compare_csv() const {
    std::ostringstream csv;
    output::write_compare_csv(csv, compared.comparisons);
    return csv.str();
  }
  std::string text() const {
    std::ostringstream out;
    output::print_compare_tables(out, compared.comparisons, compared.forecasts.front().view(), compared.variant_views(),
                                 compared.info);
    return out.str();
  }
};

run::ReplicationOptions replication_options(const model::Scenario& sc, std::optional<int> replications,
                                            std::optional<std::uint64_t> seed, int threads, run::Control& control) {
  run::ReplicationOptions o;
  o.replications = replications.value_or(sc.replications);
  o.seed = seed.value_or(sc.seed);
  o.threads = cli::thread_count(threads);
  o.control = &control;
  return o;
}

RunResult run(const ScenarioHandle& handle, std::optional<int> replications, std::optional<std::uint64_t> seed,
              int threads, bool deterministic, std::optional<double> until_converged, int max_rounds,
              const py::object& progress) {
  run::Control control;
  return in_background(control, progress, [&] {
    RunResult r{handle.scenario(), {}, {}, {}, {}};
    r.net = engine::compile(r.scenario);
    std::ostringstream err;
    cli::print_warnings(err, r.scenario);
    run::ReplicationOptions o = replication_options(r.scenario, replications, seed, threads, control);
    o.deterministic = deterministic;
    o.until_converged = until_converged;
    o.max_rounds = max_rounds;
    r.mc = cli::forecast(r.scenario, r.net, o, err);
    r.info = {o.seed, deterministic, until_converged.has_value()};
    r.warnings = err.str();
    return r;
  });
}

CompareResult compare(const ScenarioHandle& base, const std::vector<ScenarioHandle>& variants,
                      std::optional<int> replications, std::optional<std::uint64_t> seed, int threads,
                      const py::object& progress) {
  run::Control control;
  return in_background(control, progress, [&] {
    model::Scenario b = base.scenario();
    std::vector<model::Scenario> vs;
    for (const ScenarioHandle& v : variants) vs.push_back(v.scenario());
    const run::ReplicationOptions o = replication_options(b, replications, seed, threads, control);
    std::ostringstream err;
    CompareResult r{cli::compare_scenarios(std::move(b), std::move(vs), o, err), {}};
    r.warnings = err.str();
    return r;
  });
}

// A command that writes a results folder, run as the command line runs it:
// its console text back, with what it printed to standard error.
template <class Options>
py::dict command(int (*fn)(const Options&, std::ostream&, std::ostream&), Options options, const py::object& progress) {
  run::Control control;
  options.control = &control;
  std::ostringstream out, err;
  in_background(control, progress, [&] { return fn(options, out, err); });
  return py::dict("text"_a = out.str(), "warnings"_a = err.str());
}

py::dict sweep(const std::string& file, const std::string& out_dir, int threads, bool resume, bool overwrite,
               const py::object& progress) {
  cli::SweepCommandOptions o;
  o.file = file;
  o.out_dir = out_dir;
  o.threads = threads;
  o.resume = resume;
  o.overwrite = overwrite;
  return command(&cli::sweep, o, progress);
}

py::dict calibrate(const std::string& file, const std::string& out_dir, int threads, std::optional<std::string> until,
                   bool resume, bool overwrite, const py::object& progress) {
  cli::CalibrateOptions o;
  o.file = file;
  o.out_dir = out_dir;
  o.threads = threads;
  o.until = std::move(until);
  o.resume = resume;
  o.overwrite = overwrite;
  return command(&cli::calibrate, o, progress);
}

py::dict drivers(const std::string& scenario, const std::vector<std::string>& policies, const std::string& what,
                 const std::string& out_dir, std::optional<int> replications, std::optional<std::uint64_t> seed, int threads,
                 bool resume, bool overwrite, const py::object& progress) {
  cli::DriversOptions o;
  o.scenario = scenario;
  o.policies = policies;
  o.what = what;
  o.out_dir = out_dir;
  o.replications = replications;
  o.seed = seed;
  o.threads = threads;
  o.resume = resume;
  o.overwrite = overwrite;
  return command(&cli::drivers, o, progress);
}

py::dict validate(const std::string& path, const std::vector<std::string>& policies) {
  const model::Scenario sc = cli::load_with_policies(path, policies);
  const engine::Network net = engine::compile(sc);
  py::list warnings;
  for (const model::Diagnostic& w : sc.warnings) warnings.append(diagnostic_dict(w));
  std::ostringstream out;
  cli::print_validation(out, path, sc, net);
  return py::dict("scenario"_a = sc.name, "projects"_a = sc.projects.size(), "tasks"_a = net.task_count(),
                  "agencies"_a = sc.agencies.size(), "calendars"_a = sc.calendars.size(), "warnings"_a = warnings,
                  "text"_a = out.str());
}

// The kind of a value written as YAML text (a sweep value's kind).
std::string value_kind(const std::string& text) {
  try {
    return input::value_kind(YAML::Load(text));
  } catch (const YAML::Exception& e) {
    throw model::InputError({{"E-YAML-001", {"set()", 0, 0, ""}, "'" + text + "' is not a YAML value: " + e.msg}});
  }
}

py::dict scenario_info(const ScenarioHandle& handle) {
  const model::Scenario sc = handle.scenario();
  py::list agencies;
  for (const model::Agency& a : sc.agencies)
    agencies.append(py::dict("id"_a = a.id, "name"_a = a.name, "capacity"_a = a.capacity));
  py::list warnings;
  for (const model::Diagnostic& w : sc.warnings) warnings.append(diagnostic_dict(w));
  return py::dict("name"_a = sc.name, "start"_a = sc.start.iso(), "end"_a = sc.end.iso(), "projects"_a = sc.projects.size(),
                  "agencies"_a = agencies, "replications"_a = sc.replications, "seed"_a = sc.seed,
                  "money_unit"_a = sc.money_unit, "annual_plan"_a = sc.annual_plan, "policies"_a = sc.applied_policies,
                  "warnings"_a = warnings);
}

}  // namespace
}  // namespace kpsim::python

PYBIND11_MODULE(_kpsim, m) {
  namespace py = pybind11;
  namespace model = kpsim::model;
  namespace run = kpsim::run;
  namespace input = kpsim::input;
  using kpsim::python::CompareResult;
  using kpsim::python::diagnostic_dict;
  using kpsim::python::RunResult;
  using kpsim::python::ScenarioHandle;
  namespace k = kpsim::python;
  using namespace py::literals;
  m.doc() = "kpsim's library for the kpsim package: use `import kpsim`, not this module";
  m.attr("version") = KPSIM_VERSION;

  // Input errors become kpsim.InputError (python/kpsim/__init__.py) with
  // every diagnostic; a stop asked for becomes KeyboardInterrupt.
  py::register_exception_translator([](std::exception_ptr p) {
    try {
      if (p) std::rethrow_exception(p);
    } catch (const model::InputError& e) {
      py::list diagnostics;
      for (const model::Diagnostic& d : e.diagnostics()) diagnostics.append(diagnostic_dict(d));
      const py::object error_type = py::module_::import("kpsim").attr("InputError");
      const py::object error = error_type(diagnostics);
      PyErr_SetObject(error_type.ptr(), error.ptr());
    } catch (const run::Stopped&) {
      PyErr_SetNone(PyExc_KeyboardInterrupt);
    }
  });

  py::class_<ScenarioHandle>(m, "ScenarioHandle")
      .def(py::init<std::string, std::vector<std::string>>(), "path"_a, "overlays"_a)
      .def_property_readonly("path", &ScenarioHandle::path)
      .def_property_readonly("overlays", &ScenarioHandle::overlays)
      .def("with_overlay", &ScenarioHandle::with_overlay)
      .def("set", &ScenarioHandle::set, "path"_a, "text"_a, "kind"_a)
      .def("get", &ScenarioHandle::get)
      .def("assignments", &ScenarioHandle::assignments)
      .def("copy", [](const ScenarioHandle& h) { return h; })
      .def("info", &k::scenario_info);

  py::class_<RunResult>(m, "RunResult")
      .def("sheets", [](const RunResult& r) { return k::sheet_list(r.sheets()); })
      .def("write", &RunResult::write, "dir"_a, "overwrite"_a)
      .def("text", &RunResult::text)
      .def_readonly("warnings", &RunResult::warnings)
      .def_property_readonly("replications", [](const RunResult& r) { return r.mc.replications; })
      .def_property_readonly("events", [](const RunResult& r) { return r.mc.events; })
      .def_property_readonly("seed", [](const RunResult& r) { return r.info.seed; })
      .def_property_readonly("converged", [](const RunResult& r) { return r.mc.converged; })
      .def_property_readonly("money_unit", [](const RunResult& r) { return r.scenario.money_unit; })
      .def_property_readonly("annual_plan", [](const RunResult& r) { return r.scenario.annual_plan; })
      .def_property_readonly("horizon_investment", [](const RunResult& r) {
        const auto& v = r.mc.horizon_investment;
        return std::vector<double>(v.data(), v.data() + v.size());
      });

  py::class_<CompareResult>(m, "CompareResult")
      .def("compare_csv", &CompareResult::compare_csv)
      .def("side_by_side", [](const CompareResult& r) { return k::sheet_list(r.compared.side_by_side); })
      .def("write", &CompareResult::write, "dir"_a, "overwrite"_a)
      .def("text", &CompareResult::text)
      .def_readonly("warnings", &CompareResult::warnings);

  m.def("run", &k::run, "scenario"_a, "replications"_a, "seed"_a, "threads"_a, "deterministic"_a, "until_converged"_a,
        "max_rounds"_a, "progress"_a);
  m.def("compare", &k::compare, "base"_a, "variants"_a, "replications"_a, "seed"_a, "threads"_a, "progress"_a);
  m.def("sweep", &k::sweep, "file"_a, "out"_a, "threads"_a, "resume"_a, "overwrite"_a, "progress"_a);
  m.def("calibrate", &k::calibrate, "file"_a, "out"_a, "threads"_a, "until"_a, "resume"_a, "overwrite"_a, "progress"_a);
  m.def("drivers", &k::drivers, "scenario"_a, "policies"_a, "what"_a, "out"_a, "replications"_a, "seed"_a, "threads"_a,
        "resume"_a, "overwrite"_a, "progress"_a);
  m.def("validate", &k::validate, "path"_a, "policies"_a);
  m.def("value_kind", &k::value_kind);
  m.def("is_policy_overlay", &input::is_policy_overlay);
}
