"""The site build: generate, run an engine strictly into a scratch folder, clean its narrative pages, and swap
the result in only on success. Engines: MkDocs (the default), ProperDocs (the maintained MkDocs 1.x fork) and
Zensical; the first two run in this process, Zensical as its own command."""
from __future__ import annotations

import calendar
import datetime as dt
import hashlib
import logging
import os
import shutil
import subprocess
import sys
from pathlib import Path

from . import hookstate, paths, sanitize
from .diagnostics import Diagnostic, format_report, has_errors
from .finish import finish_site
from .generate import Result, generate
from .publication import Publication

ENGINES = ("mkdocs", "properdocs", "zensical")


def epoch(day: str) -> int:
    """SOURCE_DATE_EPOCH from the data's own last-updated day, so builds of the same input are identical."""
    return calendar.timegm(dt.date.fromisoformat(day).timetuple()) if day else 0


def output_problems(site_dir: Path, publication: Publication | None = None) -> list[Diagnostic]:
    """The output, scratch and cache paths must be real folders (or absent): a link there would make the build
    write through it or, when the old site is swapped out, delete what it points to."""
    site_dir = site_dir.absolute()
    diags = []
    generated = (publication.out.parent, publication.out) if publication else ()
    for path in (site_dir, _scratch(site_dir), _old(site_dir), paths.CACHE, paths.CACHE / "charts", *generated):
        if path.is_symlink() or (path.exists() and not path.is_dir()):
            diags.append(Diagnostic(_shown(path, site_dir.parent), 1, 1, "output-path", "is a symbolic link or not a folder; the build never writes or deletes through it", f"remove {path.name} yourself if it is yours"))
    return diags


def _shown(path: Path, base: Path) -> str:
    try:
        return path.relative_to(base).as_posix()
    except ValueError:
        return path.as_posix()


def _scratch(site_dir: Path) -> Path:
    return site_dir.with_name(f".site-building-{os.getpid()}")


def _old(site_dir: Path) -> Path:
    return site_dir.with_name(f".site-old-{os.getpid()}")


def build(publication: Publication, site_dir: Path | None = None, quiet: bool = False, engine: str = "mkdocs") -> int:
    site_dir = site_dir or publication.site
    refused = output_problems(site_dir, publication)
    if refused:
        print(format_report(refused, "text", 0))
        print(f"Build stopped: nothing was generated, and {site_dir.name}/ was left as it was.")
        return 1
    result = generate(publication)
    if result.diagnostics:
        print(format_report(result.diagnostics, "text", result.files_checked))
    if has_errors(result.diagnostics):
        print(f"Build stopped: nothing was generated, and {site_dir.name}/ was left as it was.")
        return 1
    assert result.index is not None
    os.environ.setdefault("SOURCE_DATE_EPOCH", str(epoch(result.index.last_updated)))
    stamp = inputs_digest(publication, result, engine)
    if (site_dir / "index.html").is_file() and _stamp_file(publication, site_dir).is_file() and _stamp_file(publication, site_dir).read_text(encoding="utf-8") == stamp:
        # Nothing the engine reads changed since it built this site: building again would give the same bytes.
        print(f"Site in {site_dir} is up to date: nothing the engine reads has changed.")
        return 0
    _stamp_file(publication, site_dir).unlink(missing_ok=True)
    code = engine_build(site_dir, publication.config_file, result, quiet, engine)
    if code == 0:
        _stamp_file(publication, site_dir).write_text(stamp, encoding="utf-8")
    return code


def _stamp_file(publication: Publication, site_dir: Path) -> Path:
    # Beside the generated folder, never in the site (it would be published). One per output folder.
    key = hashlib.sha256(str(site_dir.absolute()).encode()).hexdigest()[:12]
    return publication.out.parent / f"site-{key}.stamp"


def inputs_digest(publication: Publication, result: Result, engine: str) -> str:
    """Everything an engine build depends on: the generated files, the config, the theme overrides and hook,
    the engine and its version, and the build date. Equal digests mean equal sites."""
    digest = hashlib.sha256(f"{engine} {_engine_version(engine)} {os.environ.get('SOURCE_DATE_EPOCH', '')}\n".encode())
    for rel, data in sorted(result.files.items()):
        digest.update(rel.encode() + b"\0" + hashlib.sha256(data).digest())
    for folder in (publication.root / "overrides", publication.root / "hooks"):
        for path in sorted(folder.rglob("*")) if folder.is_dir() else []:
            if path.is_file() and "__pycache__" not in path.parts:
                digest.update(path.relative_to(publication.root).as_posix().encode() + b"\0" + path.read_bytes())
    digest.update(publication.config_file.read_bytes())
    return digest.hexdigest()


def _engine_version(engine: str) -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version(engine) + " material " + version("mkdocs-material")
    except PackageNotFoundError:
        return "unknown"


def engine_build(site_dir: Path, config_file: Path, result: Result, quiet: bool = False, engine: str = "mkdocs") -> int:
    """Build the generated folder with `engine` into a scratch folder; clean the narrative pages; swap in on success."""
    if engine == "zensical":
        return _zensical_build(site_dir, config_file, result, quiet)
    return mkdocs_build(site_dir, config_file, result, quiet, engine)


def mkdocs_build(site_dir: Path, config_file: Path, result: Result, quiet: bool = False, engine: str = "mkdocs") -> int:
    if engine == "properdocs":
        import properdocs.replacement  # noqa: F401 - from here on, mkdocs.* imports load ProperDocs' modules
    from mkdocs.commands.build import build as run_mkdocs
    from mkdocs.config import load_config
    from mkdocs.exceptions import Abort, ConfigurationError, PluginError

    # absolute(), never resolve(): resolving would follow a committed `site` link out of the repository.
    site_dir = site_dir.absolute()
    refused = output_problems(site_dir)
    if refused:
        print(format_report(refused, "text", 0))
        return 1
    scratch = _scratch(site_dir)
    shutil.rmtree(scratch, ignore_errors=True)
    hookstate.prebuilt, hookstate.working_on = True, config_file.name
    # Quiet must filter the console, never the logger: MkDocs counts strict-mode warnings through the
    # logger, and raising its level is how `mkdocs build --strict -q` silently passes broken links.
    logger = logging.getLogger("mkdocs")
    logger.setLevel(logging.INFO)
    console = logging.StreamHandler()
    console.setLevel(logging.WARNING if quiet else logging.INFO)
    console.setFormatter(logging.Formatter("%(levelname)-7s - %(message)s"))
    logger.addHandler(console)
    try:
        config = load_config(str(config_file), site_dir=str(scratch), strict=True)
        run_mkdocs(config)
    except (Abort, ConfigurationError, PluginError) as exc:
        # A strict build aborts after writing its pages: report what the sanitiser finds in them as well.
        problems = sanitize.clean_site(scratch, result.narrative, partial=True) if scratch.is_dir() else []
        shutil.rmtree(scratch, ignore_errors=True)
        if problems:
            print(format_report(problems, "text", 0))
        print(f"MkDocs build failed: {exc}. {site_dir.name}/ was left as it was.")
        return 1
    except Exception as exc:
        shutil.rmtree(scratch, ignore_errors=True)
        where = hookstate.working_on or config_file.name
        print(Diagnostic(where, 1, 1, "internal-error", f"the build failed: {type(exc).__name__}: {exc}", "please report this with the files of your change").as_text())
        print(f"{site_dir.name}/ was left as it was.")
        return 1
    except BaseException:
        shutil.rmtree(scratch, ignore_errors=True)
        raise
    finally:
        hookstate.prebuilt, hookstate.working_on = False, ""
        logger.removeHandler(console)
    return _finish(scratch, site_dir, result, config_file)


def _finish(scratch: Path, site_dir: Path, result: Result, config_file: Path) -> int:
    """The engine-neutral last step (finish.py: sanitiser, charts, chart links), then the swap."""
    problems = finish_site(scratch, result.narrative, config_file.parent / "build" / "docs")
    if problems:
        shutil.rmtree(scratch, ignore_errors=True)
        print(format_report(problems, "text", 0))
        print(f"Build stopped: {site_dir.name}/ was left as it was.")
        return 1
    _swap(scratch, site_dir)
    print(f"Site built in {site_dir}")
    return 0


def _zensical_build(site_dir: Path, config_file: Path, result: Result, quiet: bool) -> int:
    """Zensical reads the same mkdocs.yml and ignores hooks: it builds the generated folder as it stands."""
    site_dir = site_dir.absolute()
    scratch = _scratch(site_dir)
    shutil.rmtree(scratch, ignore_errors=True)
    exe = shutil.which("zensical") or str(Path(sys.executable).with_name("zensical"))
    # Zensical writes to the config's site_dir: run it on a copy of the config that points at the scratch folder.
    config = config_file.with_name(f".zensical-{os.getpid()}.yml")
    text = config_file.read_text(encoding="utf-8")
    config.write_text(text + f"\nsite_dir: {scratch.as_posix()!r}\n", encoding="utf-8")
    try:
        done = subprocess.run([exe, "build", "--clean", "--config-file", str(config)], cwd=config_file.parent, capture_output=True, text=True, check=False)
    except OSError as exc:
        print(f"Zensical could not be run ({exc}); install it with: pip install zensical")
        return 1
    finally:
        config.unlink(missing_ok=True)
    if not quiet or done.returncode:
        print(done.stdout[-4000:] + done.stderr[-4000:])
    if done.returncode or not scratch.is_dir():
        shutil.rmtree(scratch, ignore_errors=True)
        print(f"Zensical build failed. {site_dir.name}/ was left as it was.")
        return 1
    return _finish(scratch, site_dir, result, config_file)


def _swap(new: Path, live: Path) -> None:
    """Replace the live site with the new one by renames, so no reader or deploy sees a half-written site."""
    old = _old(live)
    if live.is_dir() and not live.is_symlink():
        live.rename(old)
    new.rename(live)
    shutil.rmtree(old, ignore_errors=True)
