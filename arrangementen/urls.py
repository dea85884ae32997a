app_name = "arrangementen"
urlpatterns: list = []
