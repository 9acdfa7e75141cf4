#include "sim/input/read_psplib.hpp"

#include <cctype>
#include <charconv>
#include <filesystem>
#include <fstream>
#include <optional>
#include <sstream>

namespace kpsim::input {
namespace {

constexpr std::size_t kMaxFileBytes = 64u << 20;
constexpr int kMaxJobs = 10'000, kMaxResources = 1'000, kMaxValue = 1'000'000'000;

struct Token {
  std::string text;
  int line = 0, column = 0;
};

class PsplibReader {
 public:
  PsplibReader(const std::string& text, const std::string& path, model::Diagnostics& diag)
      : path_(path), diag_(diag) {
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);) {
      if (!line.empty() && line.back() == '\r') line.pop_back();
      lines_.push_back(line);
    }
  }

  model::RcpspInstance read() {
    model::RcpspInstance r;
    r.file = path_;
    r.name = std::filesystem::path(path_).stem().string();
    const int jobs = header_int("jobs (incl. supersource/sink )", "jobs");
    const int renewable = header_int("- renewable", "renewable");
    if (diag_.has_errors()) return r;
    if (jobs < 2 || jobs > kMaxJobs) return fail(find("jobs (incl."), "jobs", "between 2 and " + std::to_string(kMaxJobs) + " jobs"), r;
    if (renewable < 0 || renewable > kMaxResources) return fail(find("- renewable"), "renewable", "0 to 1000 resources"), r;
    if (auto at = find("PROJECT INFORMATION")) {
      const auto t = tokens(*at + 2);
      if (t.size() >= 6) r.mpm_time = number(t[5], "project.MPM-Time").value_or(0);
    }
    r.jobs.resize(static_cast<std::size_t>(jobs));
    read_precedence(r, jobs);
    read_requests(r, jobs, renewable);
    read_capacities(r, renewable);
    if (!diag_.has_errors()) check(r);
    return r;
  }

 private:
  model::SourceLoc at(int line, int column, std::string key) const { return {path_, line, column, std::move(key)}; }
  void fail(std::optional<std::size_t> line, const std::string& key, const std::string& expected) {
    diag_.error("E-PSP-001", at(line ? static_cast<int>(*line) + 1 : 0, 1, key), "expected " + expected);
  }

  std::optional<std::size_t> find(const std::string& prefix, std::size_t from = 0) const {
    for (std::size_t i = from; i < lines_.size(); ++i)
      if (lines_[i].find(prefix) != std::string::npos) return i;
    return std::nullopt;
  }

  std::vector<Token> tokens(std::size_t line) const {
    std::vector<Token> out;
    if (line >= lines_.size()) return out;
    const std::string& s = lines_[line];
    for (std::size_t i = 0; i < s.size();) {
      if (s[i] == ' ' || s[i] == '\t') { ++i; continue; }
      std::size_t j = i;
      while (j < s.size() && s[j] != ' ' && s[j] != '\t') ++j;
      out.push_back({s.substr(i, j - i), static_cast<int>(line) + 1, static_cast<int>(i) + 1});
      i = j;
    }
    return out;
  }

  std::optional<int> number(const Token& t, const std::string& key) {
    int v = 0;
    const auto [p, ec] = std::from_chars(t.text.data(), t.text.data() + t.text.size(), v);
    if (ec != std::errc() || p != t.text.data() + t.text.size() || v < 0 || v > kMaxValue) {
      diag_.error("E-PSP-002", at(t.line, t.column, key), "expected a whole number from 0 to 10^9, got '" + t.text + "'");
      return std::nullopt;
    }
    return v;
  }

  // "label : value" in the header.
  int header_int(const std::string& label, const std::string& key) {
    const auto line = find(label);
    if (!line) {
      diag_.error("E-PSP-003", at(0, 0, key), "no '" + label + "' line: not a PSPLIB single-mode file");
      return 0;
    }
    const std::string& s = lines_[*line];
    const std::size_t colon = s.find(':');
    const auto t = tokens(*line);
    for (const Token& tok : t)
      if (colon != std::string::npos && static_cast<std::size_t>(tok.column - 1) > colon) return number(tok, key).value_or(0);
    fail(line, key, "a number after ':'");
    return 0;
  }

  // Data rows of a section: after its header line (and a column-title line).
  std::vector<std::size_t> rows_of(const std::string& section, std::size_t count, const std::string& key) {
    std::vector<std::size_t> rows;
    auto head = find(section);
    if (!head) {
      diag_.error("E-PSP-003", at(0, 0, key), "no '" + section + "' section");
      return rows;
    }
    std::size_t i = *head + 1;
    while (i < lines_.size() && rows.size() < count) {
      const auto t = tokens(i);
      const bool data = !t.empty() && std::isdigit(static_cast<unsigned char>(t[0].text[0]));
      if (data) rows.push_back(i);
      else if (!rows.empty() || lines_[i].rfind("****", 0) == 0) break;
      ++i;
    }
    if (rows.size() < count)
      diag_.error("E-PSP-004", at(static_cast<int>(i) + 1, 1, key),
                  "section '" + section + "' has " + std::to_string(rows.size()) + " job rows, the header says " +
                      std::to_string(count));
    return rows;
  }

  void read_precedence(model::RcpspInstance& r, int jobs) {
    for (std::size_t row : rows_of("PRECEDENCE RELATIONS", static_cast<std::size_t>(jobs), "precedence")) {
      const auto t = tokens(row);
      const std::string key = "precedence[" + (t.empty() ? "?" : t[0].text) + "]";
      if (t.size() < 3) {
        fail(row, key, "job, modes, number of successors, successors");
        continue;
      }
      const auto job = number(t[0], key + ".job");
      const auto modes = number(t[1], key + ".modes");
      const auto count = number(t[2], key + ".successors");
      if (!job || !modes || !count) continue;
      if (*job < 1 || *job > jobs) {
        diag_.error("E-PSP-005", at(t[0].line, t[0].column, key + ".job"), "job " + t[0].text + " is not between 1 and " + std::to_string(jobs));
        continue;
      }
      if (*modes != 1) diag_.error("E-PSP-006", at(t[1].line, t[1].column, key + ".modes"), "single-mode files only: 1 mode per job");
      if (t.size() != 3 + static_cast<std::size_t>(*count)) {
        diag_.error("E-PSP-004", at(t[2].line, t[2].column, key + ".successors"),
                    "says " + t[2].text + " successors, the line lists " + std::to_string(t.size() - 3));
        continue;
      }
      model::RcpspJob& j = r.jobs[static_cast<std::size_t>(*job - 1)];
      if (j.number != 0) {
        diag_.error("E-PSP-009", at(t[0].line, t[0].column, key + ".job"),
                    "job " + t[0].text + " has a second precedence line (the first is line " + std::to_string(j.loc.line) + ")");
        continue;
      }
      j.number = *job;
      j.loc = at(t[0].line, t[0].column, key);
      for (std::size_t k = 3; k < t.size(); ++k) {
        const auto s = number(t[k], key + ".successors[" + std::to_string(k - 3) + "]");
        if (!s) continue;
        if (*s < 1 || *s > jobs || *s == *job)
          diag_.error("E-PSP-005", at(t[k].line, t[k].column, key + ".successors[" + std::to_string(k - 3) + "]"),
                      "successor " + t[k].text + " is not another job between 1 and " + std::to_string(jobs));
        else j.successors.push_back(*s);
      }
    }
  }

  void read_requests(model::RcpspInstance& r, int jobs, int renewable) {
    for (std::size_t row : rows_of("REQUESTS/DURATIONS", static_cast<std::size_t>(jobs), "requests")) {
      const auto t = tokens(row);
      const std::string key = "requests[" + (t.empty() ? "?" : t[0].text) + "]";
      if (t.size() != 3 + static_cast<std::size_t>(renewable)) {
        fail(row, key, "job, mode, duration and " + std::to_string(renewable) + " resource demands");
        continue;
      }
      const auto job = number(t[0], key + ".job");
      const auto duration = number(t[2], key + ".duration");
      if (!job || !duration) continue;
      if (*job < 1 || *job > jobs) {
        diag_.error("E-PSP-005", at(t[0].line, t[0].column, key + ".job"), "job " + t[0].text + " is not between 1 and " + std::to_string(jobs));
        continue;
      }
      model::RcpspJob& j = r.jobs[static_cast<std::size_t>(*job - 1)];
      if (!j.demand_loc.empty()) {
        diag_.error("E-PSP-009", at(t[0].line, t[0].column, key + ".job"),
                    "job " + t[0].text + " has a second request line (the first is line " + std::to_string(j.demand_loc[0].line) + ")");
        continue;
      }
      j.duration = *duration;
      j.demand.clear();
      j.demand_loc.clear();
      for (int k = 0; k < renewable; ++k) {
        const Token& cell = t[3 + static_cast<std::size_t>(k)];
        const std::string cell_key = key + ".R" + std::to_string(k + 1);
        j.demand.push_back(number(cell, cell_key).value_or(0));
        j.demand_loc.push_back(at(cell.line, cell.column, cell_key));
      }
    }
  }

  void read_capacities(model::RcpspInstance& r, int renewable) {
    auto head = find("RESOURCEAVAILABILITIES");
    if (!head) {
      diag_.error("E-PSP-003", at(0, 0, "resources"), "no 'RESOURCEAVAILABILITIES' section");
      return;
    }
    const auto t = tokens(*head + 2);
    if (t.size() != static_cast<std::size_t>(renewable)) {
      fail(*head + 2, "resources", std::to_string(renewable) + " capacities");
      return;
    }
    for (int k = 0; k < renewable; ++k)
      r.capacity.push_back(number(t[static_cast<std::size_t>(k)], "resources.R" + std::to_string(k + 1)).value_or(0));
  }

  // Every job listed in both sections; no demand above its capacity.
  void check(const model::RcpspInstance& r) {
    for (std::size_t i = 0; i < r.jobs.size(); ++i) {
      const model::RcpspJob& j = r.jobs[i];
      if (j.number == 0) {
        const auto head = find("PRECEDENCE RELATIONS");
        diag_.error("E-PSP-007", at(head ? static_cast<int>(*head) + 1 : 0, 1, "precedence"),
                    "job " + std::to_string(i + 1) + " has no precedence line");
        continue;
      }
      for (std::size_t k = 0; k < j.demand.size() && k < r.capacity.size(); ++k)
        if (j.demand[k] > r.capacity[k])
          diag_.error("E-PSP-008", j.demand_loc[k], "job " + std::to_string(j.number) + " needs " + std::to_string(j.demand[k]) + " of R" +
                                              std::to_string(k + 1) + ", whose capacity is " + std::to_string(r.capacity[k]) +
                                              ": no schedule exists");
    }
  }

  std::string path_;
  model::Diagnostics& diag_;
  std::vector<std::string> lines_;
};

}  // namespace

model::RcpspInstance load_psplib_text(const std::string& text, const std::string& path) {
  model::Diagnostics diag;
  model::RcpspInstance r = PsplibReader(text, path, diag).read();
  diag.throw_if_errors();
  return r;
}

model::RcpspInstance load_psplib(const std::string& path) {
  std::error_code ec;
  const auto size = std::filesystem::file_size(path, ec);
  if (ec) throw model::InputError({{"E-IO-001", {path, 0, 0, ""}, "cannot read the file: " + ec.message()}});
  if (size > kMaxFileBytes) throw model::InputError({{"E-IO-002", {path, 0, 0, ""}, "larger than the limit of 64 MiB"}});
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return load_psplib_text(s.str(), path);
}

}  // namespace kpsim::input
