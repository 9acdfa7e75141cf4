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
#include "sim/run/runner.hpp"
#include "sim/sweep/ranks.hpp"
#include "sim/sweep/sweep_rows.hpp"

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
std::vector<std::optional<std::string>> open_partial(const fs::path& dir, const std::string& print, bool resume,
                                                     const Expansion& e, std::size_t& rejected) {
  std::vector<std::optional<std::string>> done(e.variants.size());
  const fs::path stamp = dir / "fingerprint";
  if (resume && fs::exists(fs::symlink_status(stamp))) {
    if (output::read_regular_file(stamp) != print + "\n")
      throw model::InputError({{"E-SWP-030", {dir.string(), 0, 0, "--resume"},
                                "these partial results are from another sweep (or another kpsim, or changed inputs); "
                                "run without --resume to start over"}});
    for (std::size_t v = 0; v < e.variants.size(); ++v) {
      const fs::path file = dir / (e.variants[v].id + ".csv");
      if (!fs::exists(fs::symlink_status(file))) continue;
      done[v] = output::read_checked(file, variant_key(print, e.variants[v]));
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
// are saved at once so that an interrupted sweep can resume.
class VariantSink : public run::UnitSink {
 public:
  VariantSink(const PreparedSweep& p, const std::vector<std::uint32_t>& mine, int blocks, int block,
              const fs::path& partial, const std::string& print, Progress& progress)
      : texts(mine.size()), p_(p), mine_(mine), block_(static_cast<std::uint32_t>(block)), partial_(partial),
        print_(print), progress_(progress), work_(mine.size()) {
    for (auto& w : work_) {
      w.blocks.resize(static_cast<std::size_t>(blocks));
      w.remaining = blocks;
    }
  }

  void replication(const run::Unit& u, std::uint32_t k, const engine::Replication& rep) override {
    const PreparedVariant& pv = p_.variants[mine_[u.network]];
    auto& out = work_[u.network].blocks[u.first / block_];
    out.resize(u.count);
    report::summarise(pv.net, pv.basis, rep, out[k]);
    events += rep.events;
  }

  void unit_done(const run::Unit& u) override {
    const std::size_t i = u.network;
    if (--work_[i].remaining == 0) {
      const PreparedVariant& pv = p_.variants[mine_[i]];
      report::ForecastReducer reducer(pv.scenario, pv.net);
      for (const auto& blk : work_[i].blocks)
        for (const auto& s : blk) reducer.add(s);
      work_[i].blocks = {};
      const report::MonteCarloForecast mc = reducer.finish(report::make_periods(pv.net.origin, pv.net.horizon_days));
      texts[i] = sweep_csv_rows(p_.expansion, mine_[i], pv.scenario, mc);
      const Variant& v = p_.expansion.variants[mine_[i]];
      output::write_checked(partial_ / (v.id + ".csv"), texts[i], variant_key(print_, v));
    }
    progress_.unit_done();
  }

  std::vector<std::string> texts;  // per variant of this rank: its rows
  std::atomic<std::uint64_t> events{0};

 private:
  struct VariantWork {
    std::vector<std::vector<report::ReplicationSummary>> blocks;
    std::atomic<int> remaining{0};
  };
  const PreparedSweep& p_;
  const std::vector<std::uint32_t>& mine_;
  const std::uint32_t block_;
  const fs::path& partial_;
  const std::string& print_;
  Progress& progress_;
  std::vector<VariantWork> work_;
};

}  // namespace

SweepSummary run_sweep(const model::SweepSpec& spec, const PreparedSweep& p, const SweepOptions& o) {
  const Expansion& e = p.expansion;
  const fs::path partial = o.out_dir / ".partial";
  const std::string print = fingerprint(p);
  // Rank 0 holds the folder (a second sweep there refuses); the previous
  // results stay whole until this sweep's replace them.
  std::unique_ptr<output::ResultFolder> folder;
  if (this_rank() == 0) folder = std::make_unique<output::ResultFolder>(o.out_dir);
  SweepSummary summary;
  std::vector<std::optional<std::string>> rows = open_partial(partial, print, o.resume, e, summary.rejected);

  // This rank's variants still to run, and their units.
  const int ranks = rank_count(), rank = this_rank();
  const int block = std::max(1, spec.block), reps = p.replications;
  const int blocks = (reps + block - 1) / block;
  std::vector<std::uint32_t> mine;
  summary.variants = e.variants.size();
  for (std::uint32_t v = 0; v < e.variants.size(); ++v) {
    if (rows[v]) ++summary.resumed;
    else if (static_cast<int>(v % static_cast<std::uint32_t>(ranks)) == rank) mine.push_back(v);
  }
  const std::size_t units = mine.size() * static_cast<std::size_t>(blocks);
  summary.units = units;

  std::vector<const engine::Network*> networks;
  std::vector<run::Unit> unit_list;
  for (std::size_t i = 0; i < mine.size(); ++i) {
    networks.push_back(&p.variants[mine[i]].net);
    for (int b = 0; b < blocks; ++b)
      unit_list.push_back({static_cast<std::uint32_t>(i), static_cast<std::uint32_t>(b * block),
                           static_cast<std::uint32_t>(std::min(block, reps - b * block))});
  }
  Progress progress(o.progress, units);
  VariantSink sink(p, mine, blocks, block, partial, print, progress);
  run::Runner runner({std::max(1, o.threads), p.seed, {}});
  runner.run(networks, unit_list, sink);
  summary.threads = runner.threads_started();
  std::vector<std::string>& texts = sink.texts;
  summary.events = sink.events;

  std::vector<VariantText> produced;
  for (std::size_t i = 0; i < mine.size(); ++i) produced.emplace_back(mine[i], std::move(texts[i]));
  for (auto& [v, text] : gather_at_root(produced)) rows[v] = std::move(text);
  if (rank != 0) return summary;

  std::ostream& csv = folder->add("sweep.csv");
  csv << sweep_csv_header(e);
  for (const auto& r : rows) csv << *r;
  folder->add("manifest.json") << manifest(spec, p, print).dump(2) << '\n';
  folder->commit();  // the partial results were in the folder it replaced
  return summary;
}

}  // namespace kpsim::sweep
