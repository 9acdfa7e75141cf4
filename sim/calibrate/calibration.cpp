#include "sim/calibrate/calibration.hpp"

#include <atomic>
#include <charconv>
#include <chrono>
#include <cmath>
#include <fstream>
#include <iomanip>
#include <mutex>
#include <sstream>

#include "sim/core/rng.hpp"
#include "sim/output/checked_file.hpp"
#include "sim/sweep/ranks.hpp"

namespace kpsim::calibrate {
namespace {

namespace fs = std::filesystem;

std::string hex(double x) {
  char buf[64];
  const auto r = std::to_chars(buf, buf + sizeof buf, x, std::chars_format::hex);
  return std::string(buf, r.ptr);
}

std::optional<double> from_hex(std::string_view s) {
  double x = 0;
  if (s == "-inf") return -INFINITY;
  const auto r = std::from_chars(s.data(), s.data() + s.size(), x, std::chars_format::hex);
  if (r.ec != std::errc{} || r.ptr != s.data() + s.size()) return std::nullopt;
  return x;
}

// What a calibration's results depend on: version, sources, parameters,
// fitted observations, method settings and the backtest month — not the
// thread or rank count.
std::string fingerprint(const PreparedCalibration& c) {
  const model::CalibrationSpec& s = c.spec;
  std::ostringstream text;
  text << KPSIM_VERSION << '\x1f' << c.sources_hash << '\x1f' << s.points << ' ' << s.waves << ' ' << s.replications << ' '
       << s.seed << ' ' << hex(s.discrepancy) << '\x1f' << (c.until ? c.until->iso() : "-");
  for (const auto& p : s.parameters)
    text << '\x1e' << p.path << ' ' << static_cast<int>(p.prior.kind) << ' ' << hex(p.prior.a) << ' ' << hex(p.prior.b) << ' '
         << hex(p.prior.lo) << ' ' << hex(p.prior.hi) << ' ' << p.integer;
  for (Eigen::Index j = 0; j < c.observed.value.size(); ++j)
    text << '\x1d' << hex(c.observed.value[j]) << ' ' << hex(c.observed.extra_variance[j]);
  for (const auto& o : c.fitted) text << '\x1c' << o.label << ' ' << static_cast<int>(o.kind) << ' ' << o.date.days;
  std::ostringstream out;
  out << std::hex << std::setw(16) << std::setfill('0') << core::hash_name(text.str());
  return out.str();
}

// A wave's saved lines "index z… log-likelihood" (hexadecimal floats): its
// log-likelihoods if the file verifies and has this wave's points, in full.
std::optional<std::vector<double>> read_wave(const fs::path& file, const std::string& print,
                                             const std::vector<std::vector<double>>& points) {
  const std::optional<std::string> text = output::read_checked(file, print + ' ' + file.filename().string());
  if (!text) return std::nullopt;
  std::istringstream in(*text);
  std::vector<double> ll(points.size(), NAN);
  std::size_t seen = 0;
  for (std::string line; std::getline(in, line);) {
    std::istringstream fields(line);
    std::size_t i = 0;
    if (!(fields >> i) || i >= points.size() || !std::isnan(ll[i])) return std::nullopt;
    for (double z : points[i]) {
      std::string t;
      if (!(fields >> t) || from_hex(t) != z) return std::nullopt;
    }
    std::string t;
    if (!(fields >> t)) return std::nullopt;
    const auto x = from_hex(t);
    if (!x || std::isnan(*x)) return std::nullopt;
    ll[i] = *x;
    ++seen;
  }
  if (seen != points.size()) return std::nullopt;
  return ll;
}

std::string wave_line(std::size_t i, const std::vector<double>& z, double ll) {
  std::string s = std::to_string(i);
  for (double x : z) s += ' ' + hex(x);
  return s + ' ' + (std::isfinite(ll) ? hex(ll) : "-inf") + '\n';
}

// "calibrate: wave 2/4 · 310/800 points · best log-likelihood −3.21 · 11.2
// points/s · ETA 44 s", at most five times a second.
class Progress {
 public:
  Progress(std::ostream* out, std::size_t total, std::size_t waves)
      : out_(out), total_(total), waves_(waves), begin_(Clock::now()) {}
  void begin_wave(std::size_t wave) { wave_ = wave; }
  void point_done() { count(1, 0); }
  void points_resumed(std::size_t n) { count(n, n); }
  void wave_done(double best) {
    best_ = best;
    count(0, 0, true);
  }
  void finish() {
    if (out_) *out_ << '\n';
  }

 private:
  using Clock = std::chrono::steady_clock;
  void count(std::size_t n, std::size_t resumed, bool now = false) {
    if (!out_) return;
    std::lock_guard lock(mutex_);
    done_ += n;
    resumed_ += resumed;
    const double seconds = std::chrono::duration<double>(Clock::now() - begin_).count();
    if (!now && seconds - shown_ < 0.2) return;
    shown_ = seconds;
    const double rate = static_cast<double>(done_ - resumed_) / std::max(seconds, 1e-9);
    *out_ << "\rcalibrate: wave " << wave_ + 1 << "/" << waves_ << " · " << done_ << "/" << total_ << " points · best log-likelihood "
          << std::fixed << std::setprecision(2) << best_ << " · " << std::setprecision(1) << rate << " points/s · ETA "
          << std::setprecision(0) << static_cast<double>(total_ - done_) / std::max(rate, 1e-9) << " s   " << std::flush;
  }
  std::ostream* out_;
  std::size_t total_, waves_, wave_ = 0, done_ = 0, resumed_ = 0;
  double best_ = -INFINITY;
  Clock::time_point begin_;
  double shown_ = -1;
  std::mutex mutex_;
};

// The log-likelihoods in a wave's lines.
std::vector<double> log_likelihoods(const std::string& lines, std::size_t points, std::size_t dims) {
  std::vector<double> ll(points, -INFINITY);
  std::istringstream in(lines);
  for (std::string line; std::getline(in, line);) {
    std::istringstream f(line);
    std::size_t i = 0;
    f >> i;
    std::string t;
    for (std::size_t d = 0; d <= dims; ++d) f >> t;
    if (i < points) ll[i] = from_hex(t).value_or(-INFINITY);
  }
  return ll;
}

}  // namespace

PreparedCalibration prepare_calibration(const model::CalibrationSpec& spec, std::optional<core::Date> until) {
  model::Diagnostics diag;
  PreparedCalibration c;
  c.spec = spec;
  c.until = until;
  c.edits = std::make_unique<sweep::ScenarioEdits>(spec.base, spec.overlays, diag, spec.files_named_at);
  diag.throw_if_errors();
  c.sources_hash = c.edits->sources_hash();
  c.slots.edits = c.edits.get();
  for (const model::CalibrationParameter& p : spec.parameters) {
    auto target = c.edits->resolve(p.path, p.loc, diag);
    if (target && target->kind != "integer" && target->kind != "number")
      diag.error("E-CLB-006", p.loc, p.path + ": the value there is " + target->kind + " (" + target->text +
                                         "); a parameter is a number — address one inside it");
    c.slots.targets.push_back(target.value_or(sweep::EditTarget{}));
    c.slots.priors.emplace_back(p);
  }
  diag.throw_if_errors();
  c.base = c.edits->prepare({});
  // Both ends of every prior must be values the scenario takes.
  for (std::size_t p = 0; p < spec.parameters.size(); ++p)
    for (double u : {0.0, 1.0}) {
      const std::string text = c.slots.text(p, c.slots.priors[p].quantile(u));
      try {
        c.edits->prepare({{&c.slots.targets[p], text}});
      } catch (const model::InputError& e) {
        const model::Diagnostic& why = e.diagnostics().front();
        diag.error("E-CLB-040", spec.parameters[p].prior.loc,
                   "the prior reaches " + text + " at " + spec.parameters[p].path +
                       ", which the scenario does not take: " + why.message + " [" + why.code + "]");
        break;
      }
    }
  // Observations: those up to the backtest month are fitted, the rest held out.
  for (const model::Observation& o : spec.observations) {
    const bool later = until && o.kind != model::ObservationKind::approval_days && o.date > *until;
    (later ? c.held_out : c.fitted).push_back(o);
  }
  std::vector<model::Observation> all = c.fitted;
  all.insert(all.end(), c.held_out.begin(), c.held_out.end());
  const Observables check(all, c.base.scenario, c.base.net, c.base.basis, diag);
  if (c.fitted.empty())
    diag.error("E-CLB-044", {spec.file, 0, 0, "--until"}, "no observation up to " + (until ? until->iso().substr(0, 7) : "") + " to fit");
  diag.throw_if_errors();
  const auto n = static_cast<Eigen::Index>(c.fitted.size());
  c.observed.value.resize(n);
  c.observed.extra_variance.resize(n);
  c.observed.binary_discrepancy = spec.discrepancy;
  for (Eigen::Index j = 0; j < n; ++j) {
    const model::Observation& o = c.fitted[static_cast<std::size_t>(j)];
    const double discrepancy = o.discrepancy.value_or(spec.discrepancy * std::abs(o.value));
    c.observed.value[j] = o.value;
    c.observed.extra_variance[j] = o.precision_sd * o.precision_sd + discrepancy * discrepancy;
    c.observed.binary.push_back(o.kind == model::ObservationKind::project_started);
  }
  return c;
}

void set_observed_values(PreparedCalibration& c, const std::vector<double>& values) {
  for (Eigen::Index j = 0; j < c.observed.value.size(); ++j) {
    const model::Observation& o = c.fitted[static_cast<std::size_t>(j)];
    c.fitted[static_cast<std::size_t>(j)].value = values[static_cast<std::size_t>(j)];
    const double discrepancy = o.discrepancy.value_or(c.spec.discrepancy * std::abs(values[static_cast<std::size_t>(j)]));
    c.observed.value[j] = values[static_cast<std::size_t>(j)];
    c.observed.extra_variance[j] = o.precision_sd * o.precision_sd + discrepancy * discrepancy;
  }
}

Posterior run_calibration(const PreparedCalibration& c, const CalibrationOptions& o) {
  const model::CalibrationSpec& s = c.spec;
  const std::vector<PriorSpace>& priors = c.slots.priors;
  const std::string print = fingerprint(c);
  const int ranks = sweep::rank_count(), rank = sweep::this_rank();
  const bool saving = !o.partial_dir.empty();
  bool resuming = false;
  if (saving) {
    const fs::path stamp = o.partial_dir / "fingerprint";
    if (o.resume && fs::exists(stamp)) {
      if (output::read_regular_file(stamp) != print + "\n")
        throw model::InputError({{"E-CLB-050", {o.partial_dir.string(), 0, 0, "--resume"},
                                  "these partial results are from another calibration (or another kpsim, or changed "
                                  "inputs); run without --resume to start over"}});
      resuming = true;
    } else if (rank == 0) {
      fs::remove_all(o.partial_dir);
      fs::create_directories(o.partial_dir);
      output::write_file_atomically(stamp, print + "\n");
    }
    sweep::barrier();
  }

  Posterior post;
  std::vector<Proposal> proposals;
  std::vector<std::size_t> drawn;
  const auto points_per_wave = static_cast<std::size_t>(s.points);
  const auto waves = static_cast<std::uint32_t>(s.waves);
  Progress progress(o.progress, points_per_wave * waves, waves);
  const std::uint64_t my_points = (points_per_wave + static_cast<std::size_t>(ranks - rank - 1)) / static_cast<std::size_t>(ranks);
  run::add_total(o.control, my_points * waves * static_cast<std::uint64_t>(s.replications));
  double best = -INFINITY;
  for (std::uint32_t wave = 0; wave < waves; ++wave) {
    progress.begin_wave(wave);
    proposals.push_back(wave == 0 ? Proposal() : Proposal(post.particles, post.weights, priors, points_per_wave, s.seed, wave));
    const std::vector<std::vector<double>> points = proposals.back().draw(points_per_wave, priors, s.seed, wave);
    const fs::path file = o.partial_dir / ("wave-" + std::to_string(wave) + ".txt");
    std::optional<std::vector<double>> ll = resuming ? read_wave(file, print, points) : std::nullopt;
    if (ll) {
      ++post.waves_resumed;
      progress.points_resumed(points.size());
      if (o.control) o.control->done.fetch_add(my_points * static_cast<std::uint64_t>(s.replications));
    } else {
      // This rank's share of the points: every ranks-th.
      std::vector<std::vector<double>> mine;
      std::vector<std::size_t> index;
      for (std::size_t i = static_cast<std::size_t>(rank); i < points.size(); i += static_cast<std::size_t>(ranks))
        mine.push_back(points[i]), index.push_back(i);
      const std::vector<Eigen::MatrixXd> sims =
          run_points(c.slots, mine, c.fitted, {s.seed, s.replications, 0, o.threads, o.control}, [&] { progress.point_done(); });
      std::vector<sweep::VariantText> texts;
      for (std::size_t k = 0; k < mine.size(); ++k) {
        const bool valid = sims[k].size() != 0;
        const double value = valid ? log_synthetic_likelihood(sims[k], c.observed) : -INFINITY;
        texts.emplace_back(static_cast<std::uint32_t>(index[k]), wave_line(index[k], mine[k], std::isnan(value) ? -INFINITY : value));
        if (valid) post.replications += static_cast<std::uint64_t>(s.replications);
      }
      std::vector<sweep::VariantText> gathered = sweep::gather_at_all(texts);
      std::sort(gathered.begin(), gathered.end());
      std::string lines;
      for (const auto& [i, line] : gathered) lines += line;
      if (saving && rank == 0) output::write_checked(file, lines, print + ' ' + file.filename().string());
      ll = log_likelihoods(lines, points.size(), priors.size());
    }
    for (std::size_t i = 0; i < points.size(); ++i) {
      post.particles.push_back({points[i], (*ll)[i]});
      post.wave.push_back(wave);
      if (!std::isfinite((*ll)[i])) ++post.invalid;
      best = std::max(best, (*ll)[i]);
    }
    drawn.push_back(points.size());
    post.weights = amis_weights(post.particles, proposals, drawn, priors);
    progress.wave_done(best);
    if (o.stop_after_waves && static_cast<int>(wave) + 1 >= *o.stop_after_waves) break;
  }
  progress.finish();
  post.ess = effective_sample_size(post.weights);
  post.threads = o.threads;
  return post;
}

double posterior_quantile(const PreparedCalibration& c, const Posterior& post, std::size_t p, double q) {
  std::vector<std::pair<double, double>> vw;
  for (std::size_t i = 0; i < post.particles.size(); ++i)
    vw.emplace_back(c.slots.priors[p].value(post.particles[i].z[p]), post.weights[i]);
  return weighted_quantile(std::move(vw), q);
}

}  // namespace kpsim::calibrate
