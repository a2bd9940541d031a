from django.contrib import admin
from django.contrib.admin.apps import AdminConfig

from ppid_manual.roles import Role


class PpidAdminSite(admin.AdminSite):
    """The admin for master data: open to the Admin role (and superusers), nobody else."""

    site_header = "PPID Manual — Data induk"
    site_title = "PPID Manual"
    index_title = "Data induk"

    def has_permission(self, request) -> bool:
        user = request.user
        return user.is_active and (user.is_superuser or user.has_role(Role.ADMIN))


class PpidAdminConfig(AdminConfig):
    default_site = "ppid_manual.admin_site.PpidAdminSite"
