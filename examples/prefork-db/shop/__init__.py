import os

from flask import Flask

from .models import Role, db


def create_app():
    app = Flask(__name__)
    app.config['SQLALCHEMY_DATABASE_URI'] = os.environ.get(
        'DATABASE_URL', 'postgresql+psycopg2://shop@db:5432/shop?sslmode=require'
    )
    db.init_app(app)

    with app.app_context():
        db.create_all()
        _seed_roles()

    from .views import bp
    app.register_blueprint(bp)
    return app


def _seed_roles():
    for name in ('admin', 'staff', 'customer'):
        if Role.query.filter_by(name=name).first() is None:
            db.session.add(Role(name=name))
    db.session.commit()
