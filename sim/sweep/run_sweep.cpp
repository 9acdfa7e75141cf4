#include "sim/sweep/run_sweep.hpp"

#include <atomic>
#include <chrono>
#include <cmath>
#include <fstream>
#include <iomanip>
#include <map>
#include <mutex>
#include <nlohmann/json.hpp>
#include <optional>
#include <sstream>

#include "sim/core/rng.hpp"
#include "sim/output/checked_file.hpp"
#include "sim/output/result_folder.hpp"
#include "sim/report/reducer.hpp"
#include "sim/run/parallel_for.hpp"
#include "sim/run/runner.hpp"
#include "sim/sweep/ranks.hpp"
#include "sim/sweep/sweep_rows.hpp"
#include "sim/sweep/variant_outcome.hpp"

namespace kpsim::sweep {
namespace {

namespace fs = std::filesystem;
using Json = nlohmann::ordered_json;

// Identifies what the results depend on: version, sources, variants,
// replications and seed (not the block size or thread count, which change
// nothing in them).
std::string fingerprint(const PreparedSweep& p) {
  std::uint64_t h = core::hash_name(KPSIM_VERSION) ^ p.sources_hash;
  h = core::mix64(h ^ static_cast<std::uint64_t>(p.replications));
  h = core::mix64(h ^ p.seed);
  for (const std::string& path : p.expansion.paths) h = core::mix64(h ^ core::hash_name(path));
  for (const Variant& v : p.expansion.variants) {
    h = core::mix64(h ^ core::hash_name(v.id + "\x1f" + v.label));
    for (const Assignment& a : v.set) h = core::mix64(h ^ core::hash_name(std::to_string(a.path) + "=" + a.value.text));
  }
  std::ostringstream s;
  s << std::hex << std::setw(16) << std::setfill('0') << h;
  return s.str();
}

// The key a saved variant's rows are checked against: the sweep and the variant.
std::string variant_key(const std::string& print, const Variant& v) { return print + ' ' + v.id; }

// The partial-results folder: checked against this sweep's fingerprint, or
// started afresh. With --resume, a saved variant is reused only if it
// verifies (output::read_checked); `rejected` counts those that did not.
std::vector<bool> open_partial(const fs::path& dir, const std::string& print, bool resume, const Expansion& e,
                               std::size_t& rejected) {
  std::vector<bool> done(e.variants.size(), false);
  const fs::path stamp = dir / "fingerprint";
  if (resume && fs::exists(fs::symlink_status(stamp))) {
    if (output::read_regular_file(stamp) != print + "\n")
      throw model::InputError({{"E-SWP-030", {dir.string(), 0, 0, "--resume"},
                                "these partial results are from another sweep (or another kpsim, or changed inputs); "
                                "run without --resume to start over"}});
    for (std::size_t v = 0; v < e.variants.size(); ++v) {
      const fs::path file = dir / (e.variants[v].id + ".csv");
      if (!fs::exists(fs::symlink_status(file))) continue;
      const std::string key = variant_key(print, e.variants[v]);
      done[v] = output::read_checked(file, key).has_value() && output::read_checked(dir / (e.variants[v].id + ".pairs"), key).has_value();
      rejected += !done[v];
    }
    return done;
  }
  if (this_rank() == 0) {
    fs::remove_all(dir);
    fs::create_directories(dir);
    output::write_file_atomically(stamp, print + "\n");
  }
  barrier();  // nobody writes into the folder before it is fresh
  return done;
}

Json manifest(const model::SweepSpec& spec, const PreparedSweep& p, const std::string& print) {
  Json m;
  m["kpsim_version"] = KPSIM_VERSION;
  m["sweep"] = spec.name;
  m["sweep_file"] = spec.file;
  m["base"] = spec.base;
  m["policies"] = spec.overlays;
  m["sources_hash"] = [&] {
    std::ostringstream s;
    s << std::hex << std::setw(16) << std::setfill('0') << p.sources_hash;
    return s.str();
  }();
  m["fingerprint"] = print;
  m["seed"] = p.seed;
  m["replications"] = p.replications;
  m["combine"] = spec.combine == model::SweepCombine::grid ? "grid" : spec.combine == model::SweepCombine::zip ? "zip" : "list";
  m["axes"] = p.expansion.paths;
  Json variants = Json::array();
  for (const Variant& v : p.expansion.variants) {
    Json values = Json::object();
    for (const Assignment& a : v.set) values[p.expansion.paths[a.path]] = a.value.text;
    variants.push_back({{"id", v.id}, {"label", v.label}, {"values", values}});
  }
  m["variants"] = variants;
  m["reference"] = p.expansion.variants.at(p.reference).id;
  m["money_unit"] = p.money_unit;
  if (p.annual_plan) m["annual_plan"] = *p.annual_plan;
  m["results"] = "sweep.csv";
  m["method"] = "discrete-event simulation, Monte Carlo; common random numbers across variants";
  return m;
}

class Progress {
 public:
  Progress(std::ostream* out, std::size_t total) : out_(out), total_(total), begin_(Clock::now()) {}
  void unit_done() {
    if (!out_) return;
    std::lock_guard lock(mutex_);
    ++done_;
    const double seconds = std::chrono::duration<double>(Clock::now() - begin_).count();
    if (done_ != total_ && seconds - shown_ < 0.2) return;
    shown_ = seconds;
    const double rate = done_ / std::max(seconds, 1e-9);
    *out_ << "\rsweep: " << done_ << "/" << total_ << " units · " << std::fixed << std::setprecision(1) << rate
          << " units/s · ETA " << std::setprecision(0) << (total_ - done_) / std::max(rate, 1e-9) << " s   " << std::flush;
    if (done_ == total_) *out_ << '\n';
  }

 private:
  using Clock = std::chrono::steady_clock;
  std::ostream* out_;
  std::size_t total_, done_ = 0;
  Clock::time_point begin_;
  double shown_ = -1;
  std::mutex mutex_;
};


// Each variant's blocks are summarised where they run and reduced, in
// replication order, by the thread that finishes its last block; its rows
// are saved at once (and not kept) so that an interrupted sweep can resume.
class VariantSink : public run::UnitSink {
 public:
  VariantSink(const Expansion& e, const std::vector<PreparedVariant>& variants, const std::vector<std::uint32_t>& ids,
              int blocks, int block, const fs::path& partial, const std::string& print, Progress& progress)
      : e_(e), variants_(variants), ids_(ids), block_(static_cast<std::uint32_t>(block)), partial_(partial),
        print_(print), progress_(progress), work_(ids.size()) {
    for (auto& w : work_) {
      w.blocks.resize(static_cast<std::size_t>(blocks));
      w.remaining = blocks;
    }
  }

  void replication(const run::Unit& u, std::uint32_t k, const engine::Replication& rep) override {
    const PreparedVariant& pv = variants_[u.network];
    auto& out = work_[u.network].blocks[u.first / block_];
    out.resize(u.count);
    report::summarise(pv.net, pv.basis, rep, out[k]);
    events += rep.events;
  }

  void unit_done(const run::Unit& u) override {
    const std::size_t i = u.network;
    if (--work_[i].remaining == 0) {
      const PreparedVariant& pv = variants_[i];
      report::ForecastReducer reducer(pv.scenario, pv.net);
      for (const auto& blk : work_[i].blocks)
        for (const auto& s : blk) reducer.add(s);
      work_[i].blocks = {};
      const report::MonteCarloForecast mc = reducer.finish(report::make_periods(pv.net.origin, pv.net.horizon_days));
      const Variant& v = e_.variants[ids_[i]];
      output::write_checked(partial_ / (v.id + ".pairs"), outcome_text(variant_outcome(pv.scenario, mc)), variant_key(print_, v));
      output::write_checked(partial_ / (v.id + ".csv"), sweep_csv_rows(e_, ids_[i], pv.scenario, mc), variant_key(print_, v));
    }
    progress_.unit_done();
  }

  std::atomic<std::uint64_t> events{0};

 private:
  struct VariantWork {
    std::vector<std::vector<report::ReplicationSummary>> blocks;
    std::atomic<int> remaining{0};
  };
  const Expansion& e_;
  const std::vector<PreparedVariant>& variants_;
  const std::vector<std::uint32_t>& ids_;
  const std::uint32_t block_;
  const fs::path& partial_;
  const std::string& print_;
  Progress& progress_;
  std::vector<VariantWork> work_;
};

}  // namespace

SweepSummary run_sweep(const model::SweepSpec& spec, const PreparedSweep& p, const SweepOptions& o,
                       const AlsoWrite& also_write) {
  const Expansion& e = p.expansion;
  const fs::path partial = o.out_dir / ".partial";
  const std::string print = fingerprint(p);
  // Rank 0 holds the folder (a second sweep there refuses); the previous
  // results stay whole until this sweep's replace them.
  std::unique_ptr<output::ResultFolder> folder;
  if (this_rank() == 0) folder = std::make_unique<output::ResultFolder>(o.out_dir, o.owner, o.overwrite);
  SweepSummary summary;
  const std::vector<bool> done = open_partial(partial, print, o.resume, e, summary.rejected);

  // This rank's variants still to run.
  const int ranks = rank_count(), rank = this_rank();
  const int block = std::max(1, spec.block), reps = p.replications;
  const int blocks = (reps + block - 1) / block;
  std::vector<std::uint32_t> mine;
  summary.variants = e.variants.size();
  for (std::uint32_t v = 0; v < e.variants.size(); ++v) {
    if (done[v]) ++summary.resumed;
    else if (static_cast<int>(v % static_cast<std::uint32_t>(ranks)) == rank) mine.push_back(v);
  }
  summary.units = mine.size() * static_cast<std::size_t>(blocks);
  Progress progress(o.progress, summary.units);
  run::add_total(o.control, mine.size() * static_cast<std::uint64_t>(reps));

  // A few variants per thread at a time: prepared together, run, saved, let go.
  const int threads = std::max(1, o.threads);
  const std::size_t chunk = static_cast<std::size_t>(std::max(8, 4 * threads));
  summary.threads = threads;
  for (std::size_t begin = 0; begin < mine.size(); begin += chunk) {
    run::check_stop(o.control);
    const std::vector<std::uint32_t> ids(mine.begin() + static_cast<std::ptrdiff_t>(begin),
                                         mine.begin() + static_cast<std::ptrdiff_t>(std::min(begin + chunk, mine.size())));
    std::vector<std::optional<PreparedVariant>> slots(ids.size());
    run::parallel_for(ids.size(), threads, [&](std::size_t i) { slots[i].emplace(p.variant(ids[i])); });
    std::vector<PreparedVariant> variants;
    for (auto& v : slots) variants.push_back(std::move(*v));
    std::vector<const engine::Network*> networks;
    std::vector<run::Unit> units;
    for (std::size_t i = 0; i < ids.size(); ++i) {
      networks.push_back(&variants[i].net);
      for (int b = 0; b < blocks; ++b)
        units.push_back({static_cast<std::uint32_t>(i), static_cast<std::uint32_t>(b * block),
                         static_cast<std::uint32_t>(std::min(block, reps - b * block))});
    }
    VariantSink sink(e, variants, ids, blocks, block, partial, print, progress);
    run::Runner runner({threads, p.seed, {}, o.control});  // its simulators belong to this chunk's networks
    runner.run(networks, units, sink);
    summary.threads = std::min(summary.threads, runner.threads_started());
    summary.events += sink.events;
  }

  // Every rank's variants are saved in the shared folder; rank 0 streams
  // them into sweep.csv in variant order.
  barrier();
  if (rank != 0) return summary;
  // Each variant's rows, then its paired differences against the reference.
  auto saved = [&](const Variant& v, const char* ext) {
    auto text = output::read_checked(partial / (v.id + ext), variant_key(print, v));
    if (!text) throw std::runtime_error("the saved results of variant " + v.id + " are gone or changed while the sweep ran");
    return *text;
  };
  const VariantOutcome reference = outcome_from_text(saved(e.variants[p.reference], ".pairs"));
  std::ostream& csv = folder->add("sweep.csv");
  csv << sweep_csv_header(e);
  for (std::size_t i = 0; i < e.variants.size(); ++i) {
    const Variant& v = e.variants[i];
    csv << saved(v, ".csv");
    VariantOutcome outcome = outcome_from_text(saved(v, ".pairs"));
    const std::vector<report::PairedStat> diffs = report::compare_series(reference.series, outcome.series);
    if (i != p.reference) csv << sweep_csv_difference_rows(e, i, diffs);
    SweepLine& line = summary.lines.emplace_back();
    line.variant = i;
    for (const report::PairedStat& d : diffs) {
      const bool year = d.period.find('Q') == std::string::npos;
      if (d.metric == "investment" && line.investment_diff.metric.empty() && year) line.investment_diff = d;
      if (d.metric == "key_started" && line.key_started_diff.metric.empty() && year) line.key_started_diff = d;
    }
    outcome.series.clear();
    line.outcome = std::move(outcome);
  }
  folder->add("manifest.json") << manifest(spec, p, print).dump(2) << '\n';
  if (also_write) also_write(*folder, summary);
  folder->commit();  // the partial results were in the folder it replaced
  return summary;
}

}  // namespace kpsim::sweep
