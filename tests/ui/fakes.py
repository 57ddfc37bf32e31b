"""A view that answers the controller's questions from a script and records what it was asked."""

from pathlib import Path


class FakeView:
    def __init__(self, **answers):
        self.answers = {"first_run": None, "open_path": None, "save_path": None, "export_path": None,
                        "save_changes": "cancel", "export_with_errors": False, "overwrite": False, "interview": None,
                        "conflict": "cancel", "restore": False, **answers}
        self.asked: list[tuple] = []
        self.errors: list[tuple[str, str]] = []
        self.exported: list[Path] = []

    def ask_first_run(self):
        self.asked.append(("first_run",))
        return self.answers["first_run"]

    def ask_open_path(self, folder):
        self.asked.append(("open_path", folder))
        return self.answers["open_path"]

    def ask_save_path(self, suggested):
        self.asked.append(("save_path", suggested))
        return self.answers["save_path"]

    def ask_export_path(self, fmt, suggested):
        self.asked.append(("export_path", fmt, suggested))
        return self.answers["export_path"]

    def ask_overwrite(self, path):
        self.asked.append(("overwrite", path))
        return self.answers["overwrite"]

    def ask_save_changes(self, name):
        self.asked.append(("save_changes", name))
        return self.answers["save_changes"]

    def ask_export_with_errors(self, errors):
        self.asked.append(("export_with_errors", [p.code for p in errors]))
        return self.answers["export_with_errors"]

    def show_error(self, title, text):
        self.errors.append((title, text))

    def show_exported(self, path):
        self.exported.append(path)

    def ask_interview(self, profile):
        self.asked.append(("interview", profile))
        return self.answers["interview"]

    def questions(self) -> list[str]:
        return [question[0] for question in self.asked]

    def ask_conflict(self, path):
        self.asked.append(("conflict", path))
        return self.answers["conflict"]

    def ask_restore(self, recovered):
        self.asked.append(("restore", recovered.name, recovered.saved_at, recovered.profile_path))
        return self.answers["restore"]
