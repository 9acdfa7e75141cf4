#include "sim/report/day_quantiles.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

namespace kpsim::report {
namespace {

constexpr double kLevels[] = {0.1, 0.5, 0.9};

// How many of `total` values a quantile at `level` needs at or below it.
std::uint64_t needed(double level, std::uint64_t total) {
  return std::max<std::uint64_t>(static_cast<std::uint64_t>(std::ceil(level * static_cast<double>(total) - 1e-9)), 1);
}

}  // namespace

DayQuantiles::DayQuantiles(std::uint32_t rows, std::uint32_t days) : rows_(rows), bins_(days + 1) {}

void DayQuantiles::add(const std::vector<std::uint16_t>& replication) {
  if (histogram_) {
    for (std::uint32_t r = 0; r < rows_; ++r)
      if (replication[r] != kNone) ++counts_[static_cast<std::size_t>(r) * bins_ + replication[r]];
    return;
  }
  raw_.insert(raw_.end(), replication.begin(), replication.begin() + rows_);
  // Two bytes a value against four a bin: past this the histogram is smaller.
  if (raw_.size() * sizeof(std::uint16_t) > static_cast<std::size_t>(rows_) * bins_ * sizeof(std::uint32_t)) to_histogram();
}

void DayQuantiles::to_histogram() {
  counts_.assign(static_cast<std::size_t>(rows_) * bins_, 0);
  for (std::size_t i = 0; i < raw_.size(); ++i)
    if (raw_[i] != kNone) ++counts_[(i % rows_) * bins_ + raw_[i]];
  std::vector<std::uint16_t>().swap(raw_);
  histogram_ = true;
}

std::array<double, 3> DayQuantiles::quantiles(std::uint32_t row) const {
  std::array<double, 3> q{std::numeric_limits<double>::quiet_NaN(), std::numeric_limits<double>::quiet_NaN(),
                          std::numeric_limits<double>::quiet_NaN()};
  auto day = [&](std::size_t bin) {
    return bin + 1 >= bins_ ? std::numeric_limits<double>::infinity() : static_cast<double>(bin);
  };
  if (histogram_) {
    const std::uint32_t* h = counts_.data() + static_cast<std::size_t>(row) * bins_;
    std::uint64_t total = 0;
    for (std::size_t b = 0; b < bins_; ++b) total += h[b];
    if (total == 0) return q;
    for (int i = 0; i < 3; ++i) {
      std::uint64_t cum = 0;
      std::size_t b = 0;
      for (; b + 1 < bins_; ++b)
        if ((cum += h[b]) >= needed(kLevels[i], total)) break;
      q[static_cast<std::size_t>(i)] = day(b);
    }
    return q;
  }
  std::vector<std::uint16_t> values;
  for (std::size_t i = row; i < raw_.size(); i += rows_)
    if (raw_[i] != kNone) values.push_back(raw_[i]);
  if (values.empty()) return q;
  std::sort(values.begin(), values.end());
  for (int i = 0; i < 3; ++i) q[static_cast<std::size_t>(i)] = day(values[needed(kLevels[i], values.size()) - 1]);
  return q;
}

}  // namespace kpsim::report
