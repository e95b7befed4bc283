"""The site build: generate, run MkDocs strictly into a scratch folder, and swap it in only on success."""
from __future__ import annotations

import calendar
import datetime as dt
import logging
import os
import shutil
from pathlib import Path

from . import hookstate, paths
from .diagnostics import Diagnostic, format_report, has_errors
from .generate import generate


def epoch(day: str) -> int:
    """SOURCE_DATE_EPOCH from the data's own last-updated day, so builds of the same input are identical."""
    return calendar.timegm(dt.date.fromisoformat(day).timetuple()) if day else 0


def output_problems(site_dir: Path) -> list[Diagnostic]:
    """The output, scratch and cache paths must be real folders (or absent): a link there would make the build
    write through it or, when the old site is swapped out, delete what it points to."""
    site_dir = site_dir.absolute()
    diags = []
    for path in (site_dir, _scratch(site_dir), _old(site_dir), paths.CACHE, paths.CACHE / "charts"):
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


def build(site_dir: Path = paths.SITE, config_file: Path = paths.ROOT / "mkdocs.yml", quiet: bool = False) -> int:
    refused = output_problems(site_dir)
    if refused:
        print(format_report(refused, "text", 0))
        print(f"Build stopped: nothing was generated, and {site_dir.name}/ was left as it was.")
        return 1
    result = generate()
    if result.diagnostics:
        print(format_report(result.diagnostics, "text", result.files_checked))
    if has_errors(result.diagnostics):
        print(f"Build stopped: nothing was generated, and {site_dir.name}/ was left as it was.")
        return 1
    assert result.index is not None
    os.environ.setdefault("SOURCE_DATE_EPOCH", str(epoch(result.index.last_updated)))
    return mkdocs_build(site_dir, config_file, result.corpus, quiet)


def mkdocs_build(site_dir: Path, config_file: Path, corpus: object, quiet: bool = False) -> int:
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
    hookstate.corpus, hookstate.prebuilt, hookstate.working_on = corpus, True, config_file.name  # type: ignore[assignment]
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
        shutil.rmtree(scratch, ignore_errors=True)
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
        hookstate.corpus, hookstate.prebuilt, hookstate.working_on = None, False, ""
        logger.removeHandler(console)
    _swap(scratch, site_dir)
    print(f"Site built in {site_dir}")
    return 0


def _swap(new: Path, live: Path) -> None:
    """Replace the live site with the new one by renames, so no reader or deploy sees a half-written site."""
    old = _old(live)
    if live.is_dir() and not live.is_symlink():
        live.rename(old)
    new.rename(live)
    shutil.rmtree(old, ignore_errors=True)
