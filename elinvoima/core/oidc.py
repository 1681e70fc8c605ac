"""Login through an OpenID Connect provider (Suomi.fi, Keycloak), on when OIDC_ENABLED.

The provider proves who the person is; what they may do still comes from memberships,
which a coordinator or the platform admin grants. A new person gets an account with no
memberships and no usable password."""

from mozilla_django_oidc.auth import OIDCAuthenticationBackend


class ElinvoimaOIDCBackend(OIDCAuthenticationBackend):
    def filter_users_by_claims(self, claims):
        subject = claims.get("sub")
        if not subject:
            return self.UserModel.objects.none()
        return self.UserModel.objects.filter(username=self._username(claims))

    def create_user(self, claims):
        user = self.UserModel(
            username=self._username(claims),
            email=claims.get("email", ""),
            first_name=claims.get("given_name", "")[:150],
            last_name=claims.get("family_name", "")[:150],
        )
        user.set_unusable_password()
        user.save()
        return user

    def update_user(self, user, claims):
        user.email = claims.get("email", user.email)
        user.first_name = claims.get("given_name", user.first_name)[:150]
        user.last_name = claims.get("family_name", user.last_name)[:150]
        user.save(update_fields=["email", "first_name", "last_name"])
        return user

    @staticmethod
    def _username(claims) -> str:
        # The subject is stable at the provider; the e-mail address may change.
        return f"oidc:{claims['sub']}"[:150]
