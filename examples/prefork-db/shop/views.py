from flask import Blueprint, jsonify

from .models import Product, Role

bp = Blueprint('shop', __name__)


@bp.get('/roles')
def roles():
    return jsonify([r.name for r in Role.query.order_by(Role.name)])


@bp.get('/products')
def products():
    return jsonify([{'id': p.id, 'name': p.name, 'price_cents': p.price_cents} for p in Product.query.limit(50)])
