#include "sim/input/psplib_files.hpp"

#include <algorithm>
#include <filesystem>
#include <map>
#include <tuple>

#include "sim/input/read_psplib.hpp"
#include "sim/model/input_error.hpp"

namespace kpsim::input {

namespace fs = std::filesystem;

PsplibFiles find_psplib_files(const std::string& path, const std::string& bounds_override) {
  PsplibFiles out;
  out.folder = fs::is_directory(path);
  if (out.folder) {
    for (const auto& e : fs::directory_iterator(path))
      if (e.path().extension() == ".sm") out.files.push_back(e.path().string());
    std::sort(out.files.begin(), out.files.end(), [](const std::string& a, const std::string& b) {
      const auto na = parse_psplib_name(fs::path(a).stem().string()), nb = parse_psplib_name(fs::path(b).stem().string());
      if (na && nb) return std::tie(na->parameter, na->instance) < std::tie(nb->parameter, nb->instance);
      return a < b;
    });
    if (out.files.empty()) throw model::InputError({{"E-PSP-010", {path, 0, 0, ""}, "no .sm files in this folder"}});
  } else {
    out.files.push_back(path);
  }
  const fs::path base = out.folder ? fs::path(path) : fs::path(path).parent_path();
  out.bounds_folder = !bounds_override.empty()       ? bounds_override
                      : fs::exists(base / ".." / "bounds") ? (base / ".." / "bounds").string()
                                                           : (base / "bounds").string();
  return out;
}

std::vector<PsplibCase> load_psplib_cases(const PsplibFiles& files) {
  std::vector<PsplibCase> out;
  std::map<std::string, std::map<std::pair<int, int>, PsplibBound>> bounds;  // per set
  for (const std::string& file : files.files) {
    PsplibCase c{load_psplib(file), {}};
    if (auto name = parse_psplib_name(c.instance.name)) {
      if (!bounds.count(name->set)) bounds[name->set] = load_psplib_bounds(files.bounds_folder, name->set);
      const auto& b = bounds[name->set];
      if (auto it = b.find({name->parameter, name->instance}); it != b.end()) c.bound = it->second;
    }
    out.push_back(std::move(c));
  }
  return out;
}

}  // namespace kpsim::input
